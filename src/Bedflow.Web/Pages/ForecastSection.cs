using System.Globalization;
using System.Text;
using Bedflow.Core.Experiments;
using Bedflow.Core.Forecasting;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Results;
using Bedflow.Web.Runs;
using Microsoft.AspNetCore.Http;

namespace Bedflow.Web.Pages;

/// <summary>
/// The forecast on a run's page: for editors, the form that starts one from the served register's
/// census; for a finished forecast, its moment, the fan chart, and for each variant the patients
/// delayed (in total and by reason) and waiting for an acute bed on days 1, 7, 14 and 28 (or the
/// last), each a mean with its 95% CI and the 80% and 95% prediction bands.
/// </summary>
internal static class ForecastSection
{
    /// <summary>The sentence `bedflow forecast` prints under its table.</summary>
    public const string BandsSentence = "Bands are prediction bands — the range of what will happen in 80% / 95% of replications — not confidence intervals of the mean.";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // The days shown (and the last): a day, a week, a fortnight, four weeks — as bedflow forecast prints them.
    private static readonly int[] ShownDays = [1, 7, 14, 28];

    /// <summary>The form (editors) that forecasts with <paramref name="run"/>'s scenario; a note when the register has nothing to start from.</summary>
    public static string Form(HttpContext http, RunRecord run, Scenario scenario, RegisterSpan? span)
    {
        var h = new StringBuilder("<section id=\"forecast\"><h2>Forecast</h2>");
        if (span is null)
        {
            return h.Append("<p>The register has no stays to forecast from: import an extract first (<a href=\"/import\">Import</a>).</p></section>").ToString();
        }
        string latest = ForecastFields.Moment(span.Latest);
        h.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/options/runs/{run.Id}/forecast">{Html.AntiforgeryField(http)}
            <p>From the register's census of the beds at a moment, this scenario's model runs forward (bedflow forecast, in the background): patients delayed, occupancy and the acute queue, with prediction bands.
            The register's data run from {Html.Text(ForecastFields.Moment(span.First))} to <strong id="register-latest">{Html.Text(latest)}</strong>.</p>
            <p><label>As of <input type="datetime-local" name="as_of" value="{span.Latest.ToString("yyyy-MM-dd'T'HH:mm", Inv)}"></label> (default: the latest moment, {Html.Text(latest)})
            <label>Days ahead <input type="number" name="days" min="1" max="{ForecastSettings.MaxDays}" value="{ForecastFields.DefaultDays}"></label>
            <label>Replications <input type="number" name="replications" min="{ForecastFields.MinReplications}" max="{ForecastFields.MaxReplications}" value="{ForecastFields.DefaultReplications}"></label></p>
            <fieldset><legend>Variants</legend><input type="hidden" name="variant" value="baseline">baseline (always)
            """);
        foreach (var v in scenario.Variants)
        {
            h.Append(CultureInfo.InvariantCulture, $" <label><input type=\"checkbox\" name=\"variant\" value=\"{Html.Text(v.Name)}\" checked> {Html.Text(v.Name)}</label>");
        }
        return h.Append("</fieldset><p><button type=\"submit\">Forecast</button></p></form></section>").ToString();
    }

    /// <summary>What a forecast is of, under its title whatever its status: the moment of the census, the days ahead, the replications.</summary>
    public static string Headline(ForecastAsked asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        return string.Create(Inv, $"<p class=\"as-of\">From the register's census at <strong id=\"as-of\">{Html.Text(asked.AsOf)}</strong>: {asked.Days} days ahead, {asked.Replications} replications of {Html.Text(string.Join(", ", asked.Variants))}.</p>");
    }

    /// <summary>A finished forecast: the patients delayed at its moment, the fan chart, each variant's table.</summary>
    public static string Result(RunRecord run, string outputs)
    {
        ArgumentNullException.ThrowIfNull(run);
        var doc = ForecastJson.Read(ReadOrEmpty(Path.Combine(outputs, "forecast.json")));
        if (doc is null)
        {
            return "<p class=\"problem\">The forecast cannot be read.</p>";
        }
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $"<p>Delayed at {Html.Text(doc.AsOf)} (in the register): <strong id=\"delayed-now\">{doc.DelayedNow}</strong>. Started from the register: {Html.Text(string.Join(", ", doc.RegisterServices))}; the other services as full as the model has them on that date.</p>");
        string svgPath = Path.Combine(outputs, "forecast-delayed.svg");
        if (File.Exists(svgPath))
        {
            h.Append(Reports.BoardReport.Chart("forecast-delayed", File.ReadAllText(svgPath), Reports.Charts.ForecastChart.Caption(doc.Replications, doc.DelayedNow)));
        }
        h.Append("<p id=\"bands\">").Append(Html.Text(BandsSentence)).Append("</p>");
        int[] shown = [.. ShownDays.Where(d => d < doc.Days).Append(doc.Days).Distinct()];
        foreach (var v in doc.Variants)
        {
            h.Append(Table(v, shown));
        }
        return h.ToString();
    }

    private static string Table(ForecastVariantDocument v, int[] shown)
    {
        var days = shown.Select(d => v.Days[d - 1]).ToList();
        var h = new StringBuilder(string.Create(Inv, $"<table class=\"forecast\" data-variant=\"{Html.Text(v.Name)}\"><caption>{Html.Text(v.Name)}: {Html.Text(v.Description)}</caption><thead><tr><th>Patients</th>"));
        foreach (var d in days)
        {
            h.Append(CultureInfo.InvariantCulture, $"<th>Day {d.Day} ({Html.Text(d.Date)}): mean (95% CI); 80% band; 95% band</th>");
        }
        h.Append("</tr></thead><tbody>");
        Row(h, "Delayed, in total", "delayed", days.Select(d => d.Delayed));
        // Each reason any of the shown days may see (its 95% band above nought).
        foreach (string reason in v.Days[0].ByReason.Keys.Where(r => days.Any(d => d.ByReason[r].Pi95[1] > 0)))
        {
            string words = DelayReasonWords.Table.Find(reason) is { } r ? $"{reason} ({DelayReasonWords.Table[r].Description})" : reason;
            Row(h, $"Delayed: {words}", $"reason-{reason}", days.Select(d => d.ByReason[reason]));
        }
        Row(h, "Waiting for an acute bed", "acute-queue", days.Select(d => d.AcuteQueue));
        return h.Append("</tbody></table>").ToString();
    }

    private static void Row(StringBuilder h, string label, string id, IEnumerable<BandDocument> bands)
    {
        h.Append(CultureInfo.InvariantCulture, $"<tr data-row=\"{Html.Text(id)}\"><th>{Html.Text(label)}</th>");
        foreach (var b in bands)
        {
            string ci = b.MeanCi95 is [{ } lo, { } hi] ? string.Create(Inv, $"{lo:0.0}–{hi:0.0}") : "–";
            h.Append(CultureInfo.InvariantCulture, $"<td>{b.Mean:0.0} ({ci}); {b.Pi80[0]:0}–{b.Pi80[1]:0}; {b.Pi95[0]:0}–{b.Pi95[1]:0}</td>");
        }
        h.Append("</tr>");
    }

    private static byte[] ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
