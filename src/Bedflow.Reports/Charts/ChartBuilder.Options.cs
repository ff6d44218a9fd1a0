using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Reports.Charts;

public static partial class ChartBuilder
{
    /// <summary>
    /// One option's own charts: delayed days by reason and by organisation each month, and how full
    /// each of its services is (services the option adds included); for the baseline also each
    /// service's census against its capacity.
    /// </summary>
    public static IReadOnlyList<ChartSpec> ForOption(VariantResult option, bool isBaseline)
    {
        ArgumentNullException.ThrowIfNull(option);
        var charts = new List<ChartSpec> { ByReason(option), ByOrganisation(option) };
        if (Load(option) is { } load)
        {
            charts.Add(load);
        }
        if (isBaseline)
        {
            charts.AddRange(Occupancy(option));
        }
        return charts;
    }

    /// <summary>
    /// How full each service with beds or places is, each day, in one option: places (or units) in
    /// use at midnight as a share of the capacity in force, mean over replications, against 100%.
    /// Null when the option has no such service.
    /// </summary>
    public static ChartSpec? Load(VariantResult option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var reps = option.Run.Replications;
        var series = new List<Series>();
        foreach (int s in Drawn(option))
        {
            var service = option.Network.Services[s];
            var daily = option.Run.Services[s].Daily!;
            int days = daily.Occupied.Length;
            var used = Enumerable.Range(0, days).Select(d => service.Demand is null ? daily.Occupied[d] : reps.Average(r => r.Census!.Units[s][d]));
            var capacity = Enumerable.Range(0, days).Select(d => reps.Average(r => (double)r.Census!.CapacityOn(s, d).Places)).ToArray();
            series.Add(new Series(service.Name, [.. Enumerable.Range(0, days).Select(d => (double)d)], [.. used.Select((u, d) => capacity[d] > 0 ? 100 * u / capacity[d] : 0)]));
        }
        return series.Count == 0 ? null : new ChartSpec($"occupancy-all-{Slug(option.Name)}", $"How full each service is ({option.Name})",
            "Places (or units, such as carer hours) in use at midnight as a share of the capacity in force that day, for every service with beds or places in this option, mean over replications. At 100% the service is full and patients wait to enter it.",
            "Date", "% of capacity in use", ChartKind.Lines, series)
        { Start = option.Network.StartDate, Reference = (100, "Full") };
    }

    // The services drawn: those with beds or places that are ever there (a resource, an unlimited
    // service or one closed throughout has no occupancy to show).
    private static IEnumerable<int> Drawn(VariantResult option)
    {
        for (int s = 0; s < option.Network.Services.Count; s++)
        {
            var service = option.Network.Services[s];
            if (service.Role == ServiceRole.Resource || option.Run.Services[s].Daily is null || service.Capacity.IsEverUnlimited
                || (service.Capacity.Initial == Capacity.Of(0) && service.Capacity.Changes.All(c => c.Capacity == Capacity.Of(0))))
            {
                continue;
            }
            yield return s;
        }
    }

    /// <summary>A name made safe for an HTML id: letters, digits, '_' and '-' kept, anything else '_'.</summary>
    internal static string Slug(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_'));

    /// <summary>Delayed days by reason per month (one option), stacked; each reason in its own colour.</summary>
    public static ChartSpec ByReason(VariantResult option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var figures = option.Run.Delays!.Replications;
        var months = figures[0].Months;
        var series = SitRep.Reasons
            .Select(r => new Series(DelayReasonWords.Label(r), [.. months.Select((_, i) => (double)i)], [.. months.Select((_, i) => figures.Average(f => (double)f.Months[i].DelayedDays(reason: r)))]) { Colour = SeriesColours.Of(r) })
            .Where(s => s.Y.Any(y => y > 0)).ToList();
        return new ChartSpec($"delays-by-reason-{Slug(option.Name)}", $"Delayed days by reason each month ({option.Name})",
            "Delayed days in each calendar month by SitRep reason: what patients were waiting for. Mean over replications.",
            "Month", "Delayed days in the month", ChartKind.StackedBars, series) { Categories = MonthLabels(months) };
    }

    /// <summary>Delayed days by responsible organisation per month (one option), stacked; each organisation in its own colour.</summary>
    public static ChartSpec ByOrganisation(VariantResult option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var figures = option.Run.Delays!.Replications;
        var months = figures[0].Months;
        var series = SitRep.Responsibilities
            .Select(o => new Series(ResponsibilityWords.ExtractColumn(o), [.. months.Select((_, i) => (double)i)], [.. months.Select((_, i) => figures.Average(f => (double)f.Months[i].DelayedDays(responsible: o)))]) { Colour = SeriesColours.Of(o) })
            .ToList();
        return new ChartSpec($"delays-by-organisation-{Slug(option.Name)}", $"Delayed days by responsible organisation each month ({option.Name})",
            "Delayed days in each calendar month by the organisation the SitRep holds responsible. Mean over replications.",
            "Month", "Delayed days in the month", ChartKind.StackedBars, series) { Categories = MonthLabels(months) };
    }

    /// <summary>For each bed or place service with capacity: places held at midnight against capacity (the baseline's, in detail).</summary>
    public static IEnumerable<ChartSpec> Occupancy(VariantResult baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var reps = baseline.Run.Replications;
        foreach (int s in Drawn(baseline))
        {
            var service = baseline.Network.Services[s];
            var daily = baseline.Run.Services[s].Daily!;
            int days = daily.Occupied.Length;
            var x = Enumerable.Range(0, days).Select(d => (double)d).ToArray();
            string unit = service.Demand is null ? "places" : "units";
            var capacity = new Series("Capacity", x, [.. Enumerable.Range(0, days).Select(d => reps.Average(r => (double)r.Census!.CapacityOn(s, d).Places))]);
            // The band stops at 0 and at the places in force: no service holds fewer than none or more than it has.
            var occupied = new Series("Occupied (blocked included)", x, daily.Occupied)
            {
                Low = daily.OccupiedHalfWidth is { } h ? [.. daily.Occupied.Select((o, i) => Math.Max(0, o - h[i]))] : null,
                High = daily.OccupiedHalfWidth is { } h2 ? [.. daily.Occupied.Select((o, i) => Math.Min(capacity.Y[i], o + h2[i]))] : null,
            };
            var blocked = new Series("Held by patients ready to move on", x, daily.Blocked);
            var units = service.Demand is null ? null
                : new Series("Units in use", x, [.. Enumerable.Range(0, days).Select(d => reps.Average(r => r.Census!.Units[s][d]))]);
            var all = units is null ? new List<Series> { occupied, blocked, capacity } : [units, capacity];
            yield return new ChartSpec($"occupancy-{service.Name}", $"{service.Name}: occupancy against capacity",
                $"Places held at midnight in {service.Name} ({unit}), mean over replications with its 95% band, against the capacity in force.",
                "Date", service.Demand is null ? "Places" : "Units (e.g. carer hours a week)", ChartKind.Lines, all)
            { Start = baseline.Network.StartDate };
        }
    }

    // "Apr" over "2016": a year of months fits across the chart without turning the labels.
    private static string[] MonthLabels(IReadOnlyList<MonthFigures> months) =>
        [.. months.Select(m => new DateOnly(m.Year, m.Month, 1).ToString("MMM'\n'yyyy", CultureInfo.InvariantCulture))];
}
