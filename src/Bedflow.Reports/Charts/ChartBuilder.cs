using System.Globalization;
using Bedflow.Core.Decisions;
using Bedflow.Core.Delays;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Reports.Charts;

/// <summary>Builds the board pack's charts from the results — every value drawn comes from the results, unchanged.</summary>
public static partial class ChartBuilder
{
    /// <summary>All the charts, in report order: those comparing the options, then each option's own (<see cref="ForOption"/>).</summary>
    public static IReadOnlyList<ChartSpec> All(IReadOnlyList<VariantResult> variants, Decision decision, double? target)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return [.. Comparisons(variants, decision, target), .. variants.SelectMany((v, i) => ForOption(v, isBaseline: i == 0))];
    }

    /// <summary>
    /// The charts that compare the options: delayed patients each day, cost against delays (from
    /// <paramref name="decision"/>, the appraisal of <paramref name="variants"/>), the savings plan and the pooled fund.
    /// </summary>
    public static IReadOnlyList<ChartSpec> Comparisons(IReadOnlyList<VariantResult> variants, Decision decision, double? target)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(decision);
        var charts = new List<ChartSpec> { DelayedPerDay(variants, target) };
        if (variants[0].Costs is not null && variants.Count > 1)
        {
            charts.Add(Frontier(variants[0].Name, decision));
            if (Budgets(variants[0]) is { } budgets)
            {
                charts.Add(budgets);
            }
            if (Pool(variants[0]) is { } pool)
            {
                charts.Add(pool);
            }
        }
        return charts;
    }

    /// <summary>Patients delayed at each midnight, per variant, with the 95% band.</summary>
    public static ChartSpec DelayedPerDay(IReadOnlyList<VariantResult> variants, double? target)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var series = new List<Series>();
        var start = variants[0].Network.StartDate;
        foreach (var v in variants)
        {
            var figures = v.Run.Delays!.Replications;
            int days = figures[0].DayCount;
            var estimates = Enumerable.Range(0, days).Select(d => Estimate.Of(figures.Select(f => (double)f.DelayedOn(start.AddDays(d)))).NonNegative()).ToList();
            series.Add(new Series(v.Name, [.. Enumerable.Range(0, days).Select(d => (double)d)], [.. estimates.Select(e => e.Mean)])
            {
                Low = [.. estimates.Select(e => e.Lower ?? e.Mean)],
                High = [.. estimates.Select(e => e.Upper ?? e.Mean)],
            });
        }
        return new ChartSpec("delayed-per-day", "Patients delayed each day",
            "Patients ready for transfer still in an acute or non-acute bed at midnight, each day of the year, for every option: the line is the mean over replications, the shaded band its 95% confidence interval."
            + (target is { } t ? string.Create(CultureInfo.InvariantCulture, $" The dashed line is the target of {t:0}.") : ""),
            "Date", "Patients delayed at midnight", ChartKind.Lines, series)
        { Start = start, Reference = target is { } tv ? (tv, "Target") : null };
    }

    /// <summary>Savings target, identified schemes and gap by organisation.</summary>
    public static ChartSpec? Budgets(VariantResult baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var plans = (baseline.Economy?.Budgets ?? []).Where(b => b.Savings is not null).ToList();
        if (plans.Count == 0)
        {
            return null;
        }
        var x = plans.Select((_, i) => (double)i).ToArray();
        return new ChartSpec("savings-gap", "Savings target, schemes found and gap",
            "For each organisation with a savings plan: the target, the schemes identified so far and the gap still to find (£ million a year).",
            "Organisation", "£ million a year", ChartKind.Bars,
            [
                new Series("Target", x, [.. plans.Select(p => (double)p.Savings!.Target.Pounds / 1e6)]),
                new Series("Identified", x, [.. plans.Select(p => (double)p.Savings!.Identified.Pounds / 1e6)]),
                new Series("Gap", x, [.. plans.Select(p => (double)p.Savings!.Gap.Pounds / 1e6)]),
            ])
        { Categories = [.. plans.Select(p => string.IsNullOrEmpty(p.Name) ? CommissionerWords.Display(p.Organisation) : p.Name)] };
    }

    /// <summary>The pooled fund's contributions, spend and result, and each partner's share of the result (baseline).</summary>
    public static ChartSpec? Pool(VariantResult baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var costs = baseline.Costs;
        if (costs?.PoolResult is not { } result)
        {
            return null;
        }
        var items = new List<(string Label, Estimate Value)> { ("Contributions", costs.PoolContributions!), ("Spend", costs.PoolSpend!), (result.Mean >= 0 ? "Underspend" : "Overspend", result) };
        items.AddRange(costs.PoolShares!.Select(kv => ($"{CommissionerWords.PartnerHeading(kv.Key)} share", kv.Value)));
        var x = items.Select((_, i) => (double)i).ToArray();
        return new ChartSpec("pooled-fund", "The pooled fund",
            "What the partners put into the pooled fund over the period, what its services cost, the difference, and each partner's share of it (£ million, mean with 95% interval).",
            "", "£ million", ChartKind.Bars,
            [new Series(baseline.Name, x, [.. items.Select(i => i.Value.Mean / 1e6)]) { Low = [.. items.Select(i => (i.Value.Lower ?? i.Value.Mean) / 1e6)], High = [.. items.Select(i => (i.Value.Upper ?? i.Value.Mean) / 1e6)] }])
        { Categories = [.. items.Select(i => i.Label)] };
    }
}
