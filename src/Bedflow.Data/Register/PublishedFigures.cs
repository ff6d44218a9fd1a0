using System.Globalization;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;
using Dapper;

namespace Bedflow.Data.Register;

/// <summary>Figures from the published council data: benchmarks and the monthly series.</summary>
public static class PublishedFigures
{
    /// <summary>
    /// The council a code (old numeric or E-code) belongs to, with its name; England's total for
    /// "-", "E92000001" or "England" (the national comparator); null if unknown.
    /// </summary>
    public static async Task<(string Code, string Name)?> ResolveAsync(RegisterDatabase db, string code, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(code);
        code = code.Trim();
        if (code == "-" || code.Equals("England", StringComparison.OrdinalIgnoreCase))
        {
            code = PublishedData.England;
        }
        await using var c = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return await c.QueryFirstOrDefaultAsync<(string, string)?>(
            "SELECT pc.code, pc.name FROM published_councils pc WHERE pc.code = @code UNION SELECT pc.code, pc.name FROM published_codes p JOIN published_councils pc ON pc.code = p.council WHERE p.code = @code",
            new { code }).ConfigureAwait(false);
    }

    /// <summary>
    /// For a code that is no council: the councils whose name or code is close to it (a name typed
    /// for a code, a slip of a letter or digit), at most <paramref name="max"/>, as "CODE (Name)";
    /// empty when none is close. England's total is never suggested.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CloseAsync(RegisterDatabase db, string text, int max = 3, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(text);
        await using var c = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var councils = (await c.QueryAsync<(string Code, string Name)>("SELECT code, name FROM published_councils WHERE is_total = 0").ConfigureAwait(false)).ToList();
        string t = text.Trim();
        var named = councils.Where(x => t.Length >= 3 && x.Name.Contains(t, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count == 0)
        {
            if (Scenarios.Suggest.Closest(t, councils.Select(x => x.Name).Distinct()) is { } n)
            {
                named.AddRange(councils.Where(x => x.Name == n)); // a name two councils have held (Dorset) gives both
            }
            if (Scenarios.Suggest.Closest(t, councils.Select(x => x.Code)) is { } k && !named.Any(x => x.Code == k))
            {
                named.Add(councils.First(x => x.Code == k));
            }
        }
        return [.. named.OrderBy(x => x.Name, StringComparer.Ordinal).Take(max).Select(x => $"{x.Code} ({x.Name})")];
    }

    /// <summary>Whether any published figures have been imported.</summary>
    public static async Task<bool> AnyAsync(RegisterDatabase db, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var c = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM published_councils").ConfigureAwait(false) > 0;
    }

    /// <summary>Every code the council is known by (its own and any older ones).</summary>
    public static async Task<IReadOnlyList<string>> CodesAsync(RegisterDatabase db, string council, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var c = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var codes = (await c.QueryAsync<string>("SELECT code FROM published_codes WHERE council = @council", new { council }).ConfigureAwait(false)).ToList();
        return [council, .. codes.Where(x => x != council).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Delayed days of a council from <paramref name="from"/> to <paramref name="to"/> (months
    /// "yyyy-MM", inclusive) by reason and by organisation, and its rank among councils with data:
    /// 1 = the fewest, by rate per 100,000 adults when <paramref name="adults"/> (code → adults)
    /// is given, otherwise by delayed days — with a warning that raw days favour small councils.
    /// </summary>
    public static async Task<Benchmark?> BenchmarkAsync(RegisterDatabase db, string code, string from, string to, IReadOnlyDictionary<string, long>? adults, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await ResolveAsync(db, code, cancel).ConfigureAwait(false) is not { } council)
        {
            return null;
        }
        await using var c = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var days = (await c.QueryAsync<(string Council, string Month, string Reason, long? Days)>(
            "SELECT pd.council, pd.month, pd.reason, pd.days FROM published_days pd JOIN published_councils pc ON pc.code = pd.council WHERE pc.is_total = 0 AND pd.month >= @from AND pd.month <= @to",
            new { from, to }).ConfigureAwait(false)).ToList();
        var mine = (await c.QueryAsync<(string Council, string Month, string Reason, long? Days)>(
            "SELECT council, month, reason, days FROM published_days WHERE council = @council AND month >= @from AND month <= @to",
            new { council = council.Code, from, to }).ConfigureAwait(false)).ToList();
        int months = MonthsBetween(from, to);
        // Only councils with data for every month of the period are ranked: a council that began or
        // ended part-way (or whose months are all missing) would look better than it is.
        var covered = days.Where(d => d.Days is not null).GroupBy(d => d.Council).ToDictionary(g => g.Key, g => g.Select(d => d.Month).Distinct().Count());
        var totals = days.GroupBy(d => d.Council).Where(g => covered.GetValueOrDefault(g.Key) == months).ToDictionary(g => g.Key, g => g.Sum(d => d.Days ?? 0));
        int mineCovered = mine.Where(d => d.Days is not null).Select(d => d.Month).Distinct().Count();
        // A reason none of whose values was published is missing (null), not zero.
        var byReason = SitRep.Reasons.ToDictionary(r => r, r => Sum(mine.Where(d => d.Reason == DelayReasonWords.Code(r)).Select(d => d.Days)));
        var org = (await c.QueryAsync<(long? Nhs, long? Social, long? Both)>(
            "SELECT nhs, social_care, both_orgs FROM published_org_days WHERE council = @council AND month >= @from AND month <= @to", new { council = council.Code, from, to }).ConfigureAwait(false)).ToList();
        var byOrg = new Dictionary<Responsibility, long?>
        {
            [Responsibility.Nhs] = Sum(org.Select(o => o.Nhs)),
            [Responsibility.SocialCare] = Sum(org.Select(o => o.Social)),
            [Responsibility.Both] = Sum(org.Select(o => o.Both)),
        };
        bool national = council.Code == PublishedData.England;
        if (national && mineCovered == months)
        {
            totals[council.Code] = mine.Sum(d => d.Days ?? 0); // for its rate; never ranked (below)
        }
        Dictionary<string, double> score;
        string rankedBy;
        string? warning = null;
        double? rate = null;
        if (adults is not null)
        {
            // Population keyed by any code of the council.
            var codes = (await c.QueryAsync<(string Code, string Council)>("SELECT code, council FROM published_codes").ConfigureAwait(false)).ToDictionary(x => x.Code, x => x.Council);
            var adultsByCouncil = new Dictionary<string, long>();
            foreach (var (k, v) in adults)
            {
                adultsByCouncil[codes.GetValueOrDefault(k, k)] = v;
            }
            // Average patients delayed per 100,000 adults (ASCOF 2C): days ÷ days in period ÷ adults × 100,000.
            double periodDays = (DateOnly.ParseExact(to + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1).DayNumber
                - DateOnly.ParseExact(from + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber);
            score = totals.Where(t => adultsByCouncil.ContainsKey(t.Key)).ToDictionary(t => t.Key, t => t.Value / periodDays / adultsByCouncil[t.Key] * 100_000);
            rankedBy = "patients delayed per 100,000 adults (ASCOF 2C)";
            rate = score.TryGetValue(council.Code, out double r) ? r : null;
            // No rate for want of a population, not for want of months (that is said below).
            if (rate is null && !adultsByCouncil.ContainsKey(council.Code))
            {
                warning = $"the population file has no adults for {council.Name}: " + (national ? "no rate per 100,000 adults." : "it cannot be ranked by rate.");
            }
        }
        else
        {
            score = totals.ToDictionary(t => t.Key, t => (double)t.Value);
            rankedBy = "delayed days";
            warning = "ranked by raw delayed days, which favours small councils: give --population (council code, adults aged 18+) to rank by rate per 100,000 adults.";
        }
        int? rank = !national && score.TryGetValue(council.Code, out double mineScore) ? 1 + score.Count(s => s.Key != PublishedData.England && s.Value < mineScore) : null;
        int ranked = score.Keys.Count(k => k != PublishedData.England);
        var warnings = new List<string>();
        if (national)
        {
            warnings.Add("England is the national total, the comparator for councils: it is not ranked among them.");
        }
        if (mineCovered == 0)
        {
            warnings.Add($"no data for {council.Name} from {from} to {to}: every value is missing or was not published.");
        }
        else if (mineCovered < months)
        {
            warnings.Add($"{council.Name} has data for {mineCovered} of the {months} months" + (national ? "." : ": it is not ranked (councils are ranked only over periods they report in full)."));
        }
        if (warning is not null && mineCovered > 0 && !(national && adults is null))
        {
            warnings.Add(warning); // how councils are ranked, or that the council has no population
        }
        warning = warnings.Count == 0 ? null : string.Join(" ", warnings);
        int missing = mine.Count(d => d.Days is null) + ((months * SitRep.Reasons.Count) - mine.Count);
        long? delayed = mineCovered == 0 ? null : byReason.Values.Sum(v => v ?? 0);
        return new Benchmark(council.Code, council.Name, from, to, delayed, byReason, byOrg, missing, rank, ranked, rankedBy, rate, warning);
    }

    /// <summary>The sum of the published values, or null when none was published (missing is never zero).</summary>
    private static long? Sum(IEnumerable<long?> values)
    {
        long sum = 0;
        bool any = false;
        foreach (long? v in values)
        {
            if (v is { } x)
            {
                sum += x;
                any = true;
            }
        }
        return any ? sum : null;
    }

    /// <summary>
    /// A council's published months <paramref name="from"/> to <paramref name="to"/> (YYYY-MM) as
    /// delayed days by reason and by organisation, for calibration; a figure not published is left
    /// out of its month's table. Null when there is no such council.
    /// </summary>
    public static async Task<(string Code, string Name, IReadOnlyList<Core.Calibration.MonthlyDelays> Months)?> MonthsAsync(RegisterDatabase db, string code, string from, string to, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await ResolveAsync(db, code, cancel).ConfigureAwait(false) is not { } council)
        {
            return null;
        }
        await using var c = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var days = (await c.QueryAsync<(string Month, string Reason, long? Days)>(
            "SELECT month, reason, days FROM published_days WHERE council = @council AND month >= @from AND month <= @to",
            new { council = council.Code, from, to }).ConfigureAwait(false)).ToList();
        var org = (await c.QueryAsync<(string Month, long? Nhs, long? Social, long? Both)>(
            "SELECT month, nhs, social_care, both_orgs FROM published_org_days WHERE council = @council AND month >= @from AND month <= @to",
            new { council = council.Code, from, to }).ConfigureAwait(false)).ToDictionary(o => o.Month);
        var months = new List<Core.Calibration.MonthlyDelays>();
        foreach (var month in days.GroupBy(d => d.Month).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byReason = new Dictionary<DelayReason, double>();
            foreach (var (_, reason, value) in month)
            {
                if (value is { } v && DelayReasonWords.Table.TryParse(reason, out var r))
                {
                    byReason[r] = v;
                }
            }
            var byOrg = new Dictionary<Responsibility, double>();
            if (org.TryGetValue(month.Key, out var o))
            {
                foreach (var (who, value) in new[] { (Responsibility.Nhs, o.Nhs), (Responsibility.SocialCare, o.Social), (Responsibility.Both, o.Both) })
                {
                    if (value is { } v)
                    {
                        byOrg[who] = v;
                    }
                }
            }
            if (byReason.Count > 0)
            {
                months.Add(new Core.Calibration.MonthlyDelays(DateOnly.ParseExact(month.Key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), byReason, byOrg));
            }
        }
        return (council.Code, council.Name, months);
    }

    /// <summary>The council's (or England's) monthly series: delayed days ÷ days in the month (null where every reason is missing); null if the code is unknown or has no rows.</summary>
    public static async Task<PublishedSeries?> SeriesAsync(RegisterDatabase db, string code, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await ResolveAsync(db, code, cancel).ConfigureAwait(false) is not { } council)
        {
            return null;
        }
        await using var c = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var rows = (await c.QueryAsync<(string Month, long? Days)>("SELECT month, days FROM published_days WHERE council = @code", new { code = council.Code }).ConfigureAwait(false))
            .GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.All(r => r.Days is null) ? (long?)null : g.Sum(r => r.Days ?? 0));
        if (rows.Count == 0)
        {
            return null;
        }
        var first = DateOnly.ParseExact(rows.Keys.Min() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = DateOnly.ParseExact(rows.Keys.Max() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        int n = ((last.Year - first.Year) * 12) + last.Month - first.Month + 1;
        var values = new double?[n];
        for (int i = 0; i < n; i++)
        {
            var m = first.AddMonths(i);
            values[i] = rows.TryGetValue(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), out var d) && d is { } v ? (double)v / DateTime.DaysInMonth(m.Year, m.Month) : null;
        }
        return new PublishedSeries(council.Code, council.Name, first, values);
    }

    /// <summary>Decomposes a council's series and, for two months, says how much of the change is seasonal.</summary>
    public static (SeasonalDecomposition Decomposition, SeasonalShare? Share) Trend(DateOnly first, double?[] values, string? fromMonth, string? toMonth)
    {
        var d = SeasonalDecomposition.Of(first, values);
        if (fromMonth is null || toMonth is null)
        {
            return (d, null);
        }
        int Index(string m) => MonthsBetween(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), m) - 1;
        return (d, d.ShareOfChange(Index(fromMonth), Index(toMonth)));
    }

    private static int MonthsBetween(string from, string to)
    {
        var a = DateOnly.ParseExact(from + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var b = DateOnly.ParseExact(to + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return ((b.Year - a.Year) * 12) + b.Month - a.Month + 1;
    }
}
