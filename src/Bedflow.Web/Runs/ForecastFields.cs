using System.Globalization;
using Bedflow.Core.Calibration;
using Bedflow.Core.Experiments;
using Bedflow.Core.Forecasting;
using Bedflow.Web.Delays;

namespace Bedflow.Web.Runs;

/// <summary>
/// The fields of a forecast (the Options page's form and <c>POST /api/runs/{id}/forecast</c> alike):
/// <c>as_of</c> (default: the latest moment in the register's data), <c>days</c>, <c>replications</c>
/// and <c>variant</c> (repeated; default: the baseline and every variant), read against the
/// scenario and the served register. Every problem names its field; values are echoed masked.
/// </summary>
internal static class ForecastFields
{
    /// <summary>Days ahead unless asked (as `bedflow forecast`).</summary>
    public const int DefaultDays = 28;

    /// <summary>Replications unless asked (as `bedflow forecast`).</summary>
    public const int DefaultReplications = 100;

    /// <summary>The fewest replications: the bands are quantiles of them, and fewer cannot reach a 95% band's ends (as `bedflow forecast`).</summary>
    public const int MinReplications = 10;

    /// <summary>The most replications a web forecast may ask for: each variant keeps every replication's day for each figure, so this bounds its memory.</summary>
    public const int MaxReplications = 1000;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>What is asked for, or the problems by field.</summary>
    public static (ForecastAsked? Asked, Dictionary<string, string[]> Problems) Read(
        string? asOf, string? days, string? replications, IReadOnlyList<string> variants, Scenario scenario, IReadOnlyList<ObservedStay> stays)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new Dictionary<string, string[]>();
        int ahead = Whole(days, DefaultDays, 1, ForecastSettings.MaxDays, "days", problems);
        int reps = Whole(replications, DefaultReplications, MinReplications, MaxReplications, "replications", problems);
        var names = new List<string> { "baseline" };
        var unknown = variants.Select(v => v.Trim()).Where(v => v.Length > 0 && v != "baseline").Distinct(StringComparer.Ordinal)
            .Where(given => scenario.Variants.All(v => v.Name != given)).ToList();
        if (unknown.Count > 0)
        {
            // Every unknown name, each its own message (the field named once).
            problems["variant"] = [.. unknown.Select(given => $"the scenario has no variant '{CurrentQuery.Echo(given)}' (its variants: {(scenario.Variants.Count == 0 ? "none" : string.Join(", ", scenario.Variants.Select(v => v.Name)))}).")];
        }
        // None named: the baseline and all; named (the page always sends the baseline): those, in the scenario's order.
        bool named = variants.Any(v => v.Trim().Length > 0);
        names.AddRange(scenario.Variants.Select(v => v.Name).Where(n => !named || variants.Any(v => v.Trim() == n)));
        var span = RegisterSpan.Of(stays);
        DateTime moment = span?.Latest ?? default;
        if (!string.IsNullOrWhiteSpace(asOf) && !DateTime.TryParseExact(asOf.Trim(), CurrentQuery.TimeFormats, Inv, DateTimeStyles.None, out moment))
        {
            problems["as_of"] = [$"'{CurrentQuery.Echo(asOf)}' is not a moment: write yyyy-mm-dd hh:mm (or yyyy-mm-dd for its midnight)."];
            return (null, problems);
        }
        // To the minute, as the run keeps it (ForecastAsked.AsOf): the moment checked is the moment forecast.
        moment = new DateTime(moment.Ticks - (moment.Ticks % TimeSpan.TicksPerMinute), moment.Kind);
        foreach (var (field, messages) in Problems(RegisterForecast.Check(scenario.Baseline, stays, moment)))
        {
            problems[field] = messages;
        }
        return problems.Count > 0 ? (null, problems) : (new ForecastAsked(Moment(moment), ahead, reps, names), problems);
    }

    /// <summary>What stops a forecast from the register, in words, by the field it is about.</summary>
    public static Dictionary<string, string[]> Problems(RegisterForecastOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var problems = new Dictionary<string, string[]>();
        if (outcome.Span is not { } span)
        {
            problems["register"] = ["the register has no stays to start a forecast from: import an extract first (the Import page)."];
        }
        else if (outcome.OutsideData)
        {
            problems["as_of"] = [string.Create(Inv, $"{Moment(outcome.AsOf)} is outside the register's data, which run from {Moment(span.First)} to {Moment(span.Latest)}: forecast from a moment the register knows.")];
        }
        if (outcome.CensusProblems.Count > 0)
        {
            problems["scenario"] = [.. outcome.CensusProblems];
        }
        if (outcome.ModelProblems.Count > 0)
        {
            problems["scenario"] = [.. outcome.ModelProblems.Select(p => $"cannot run from the register's census: {p.Message}")];
        }
        return problems;
    }

    /// <summary>A moment as forecasts write it, yyyy-MM-dd HH:mm.</summary>
    public static string Moment(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", Inv);

    private static int Whole(string? text, int fallback, int min, int max, string field, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, Inv, out int n) && n >= min && n <= max)
        {
            return n;
        }
        problems[field] = [string.Create(Inv, $"must be a whole number from {min} to {max}, but was '{CurrentQuery.Echo(text)}'.")];
        return fallback;
    }
}
