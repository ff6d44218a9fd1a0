using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Data.Register;

namespace Bedflow.Web.Figures;

/// <summary>
/// Reads the figures from the register with the register commands' own functions
/// (<see cref="DelayRegister.SitRepMonthAsync"/>, <see cref="PublishedFigures.BenchmarkAsync"/>,
/// <see cref="PublishedFigures.SeriesAsync"/> and <see cref="PublishedFigures.Trend"/>), after
/// checking the query: each problem named by its field (a 400). Thread-safe.
/// </summary>
internal sealed class FiguresReader(RegisterDatabase db, DelayRegister register)
{
    /// <summary>The month's SitRep figures; <paramref name="month"/> null means the month of <paramref name="today"/>.</summary>
    public async Task<(MonthFigures? Figures, Dictionary<string, string[]> Problems)> SitRepAsync(string? month, DateOnly today, CancellationToken cancel)
    {
        var problems = new Dictionary<string, string[]>();
        var first = string.IsNullOrWhiteSpace(month) ? new DateOnly(today.Year, today.Month, 1) : Month(month);
        if (first is null)
        {
            problems["month"] = [$"'{Echo(month)}' is not a month: write YYYY-MM, such as 2016-11."];
            return (null, problems);
        }
        return (await register.SitRepMonthAsync(first.Value, cancel), problems);
    }

    /// <summary>
    /// The council's benchmark and England's over the same months (England's null when it was not
    /// imported); without <paramref name="from"/> and <paramref name="to"/>, the council's last 12 published months.
    /// </summary>
    public async Task<(BenchmarkFigures? Figures, Dictionary<string, string[]> Problems)> BenchmarkAsync(string? la, string? from, string? to, CancellationToken cancel)
    {
        var problems = new Dictionary<string, string[]>();
        var council = await CouncilAsync(la, problems, cancel);
        var f = string.IsNullOrWhiteSpace(from) ? null : Month(from);
        var t = string.IsNullOrWhiteSpace(to) ? null : Month(to);
        if (!string.IsNullOrWhiteSpace(from) && f is null)
        {
            problems["from"] = [$"'{Echo(from)}' is not a month: write YYYY-MM."];
        }
        if (!string.IsNullOrWhiteSpace(to) && t is null)
        {
            problems["to"] = [$"'{Echo(to)}' is not a month: write YYYY-MM."];
        }
        if (string.IsNullOrWhiteSpace(from) != string.IsNullOrWhiteSpace(to))
        {
            problems[string.IsNullOrWhiteSpace(from) ? "from" : "to"] = ["give both from and to, or neither (the last 12 published months)."];
        }
        if (f is { } a && t is { } b && a > b)
        {
            problems["from"] = ["must not be after to."];
        }
        if (problems.Count > 0 || council is null)
        {
            return (null, problems);
        }
        if (f is null || t is null)
        {
            var last = council.Series.First.AddMonths(council.Series.Values.Length - 1);
            (f, t) = (last.AddMonths(-11) < council.Series.First ? council.Series.First : last.AddMonths(-11), last);
        }
        string fm = M(f.Value), tm = M(t.Value);
        var mine = await PublishedFigures.BenchmarkAsync(db, council.Series.Council, fm, tm, null, cancel);
        var england = council.Series.Council == PublishedData.England ? null : await PublishedFigures.BenchmarkAsync(db, PublishedData.England, fm, tm, null, cancel);
        return (new BenchmarkFigures(mine!, england), problems);
    }

    /// <summary>The council's published series and its seasonal decomposition; with <paramref name="months"/> ("FROM,TO") how much of the change between them is seasonal.</summary>
    public async Task<(TrendFigures? Figures, Dictionary<string, string[]> Problems)> TrendAsync(string? la, string? months, CancellationToken cancel)
    {
        var problems = new Dictionary<string, string[]>();
        var council = await CouncilAsync(la, problems, cancel);
        string? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(months))
        {
            var parts = months.Split(',');
            var a = parts.Length == 2 ? Month(parts[0]) : null;
            var b = parts.Length == 2 ? Month(parts[1]) : null;
            if (a is null || b is null)
            {
                problems["months"] = [$"'{Echo(months)}' is not two months: write FROM,TO as YYYY-MM,YYYY-MM."];
            }
            else if (council is not null)
            {
                var first = council.Series.First;
                var last = first.AddMonths(council.Series.Values.Length - 1);
                if (a < first || a > last || b < first || b > last)
                {
                    problems["months"] = [$"both months must lie within the series, {M(first)} to {M(last)}."];
                }
                (from, to) = (M(a.Value), M(b.Value));
            }
        }
        if (council is { Series.Values.Length: < 24 })
        {
            problems["la"] = [$"{council.Series.Name} has {council.Series.Values.Length} months of published data: a seasonal pattern needs at least 24."];
        }
        if (problems.Count > 0 || council is null)
        {
            return (null, problems);
        }
        var s = council.Series;
        var (d, share) = PublishedFigures.Trend(s.First, s.Values, from, to);
        return (new TrendFigures(s, d, share, from, to), problems);
    }

    /// <summary>The council a code names, with its series; its problem under "la" when there is none.</summary>
    private async Task<CouncilSeries?> CouncilAsync(string? la, Dictionary<string, string[]> problems, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(la))
        {
            problems["la"] = ["give a council's code (E-code or old numeric code, e.g. E10000025 or 608), or England."];
            return null;
        }
        if (la.Length > 64 || await PublishedFigures.SeriesAsync(db, la.Trim(), cancel) is not { } series)
        {
            var close = la.Length > 64 ? [] : await PublishedFigures.CloseAsync(db, la, 3, cancel);
            bool any = await PublishedFigures.AnyAsync(db, cancel);
            problems["la"] = [!any ? "no published figures have been imported: import them with 'bedflow register import-published'."
                : $"no council with code '{Echo(la)}' in the published data" + (close.Count > 0 ? $"; did you mean {string.Join(" or ", close)}?" : ".")];
            return null;
        }
        return new CouncilSeries(series);
    }

    private sealed record CouncilSeries(PublishedSeries Series);

    /// <summary>A month YYYY-MM (spaces around it allowed), or null.</summary>
    internal static DateOnly? Month(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1900 and <= 2999 ? d : null;

    internal static string M(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A value typed by someone, for a message: masked of anything like an NHS number, and cut short.</summary>
    internal static string Echo(string? text)
    {
        string masked = NhsNumber.Redact(text);
        return masked.Length > 40 ? masked[..40] + "…" : masked;
    }
}
