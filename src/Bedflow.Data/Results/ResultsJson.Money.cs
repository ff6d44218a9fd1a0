using Bedflow.Core.Decisions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Results;

public static partial class ResultsJson
{
    private static CostsDocument Costs(VariantCosts costs) => new(
        costs.PriceYear?.ToString() ?? "",
        Stat(costs.Total),
        Stat(costs.FixedCosts),
        Stat(costs.Funded),
        Stat(costs.Activity),
        new UnmetDemandDocument(Stat(costs.UnmetDemand), Stat(costs.UnmetElectives), Stat(costs.UnmetWaiting), Org(costs.Replications[0].Unmet.PaidBy), costs.UnmetInTotal),
        Group(costs.ByOrganisation, Org),
        Group(costs.ByService, s => s),
        Group(costs.ByYear, y => y.ToString()),
        costs.PoolResult is { } result
            ? new PooledFundDocument(Stat(costs.PoolContributions!), Stat(costs.PoolSpend!), Stat(result), Group(costs.PoolShares!, Org))
            : null);

    /// <summary>
    /// The option against the baseline. The share of a savings gap it closes is written only for
    /// an option the appraisal accepts (null otherwise, as the faces show none): a saving bought by
    /// treating fewer patients is not one a board can book.
    /// </summary>
    private static ComparisonDocument Comparison(Comparison c, bool acceptable)
    {
        OrderedDictionary<string, double?>? gapClosed = null;
        if (acceptable)
        {
            gapClosed = new OrderedDictionary<string, double?>(StringComparer.Ordinal);
            foreach (var (org, share) in c.GapClosed)
            {
                gapClosed.Add(Org(org), Number(share));
            }
        }
        return new ComparisonDocument(
            Stat(c.DelayedDaysAvoided),
            Stat(c.AcuteBedDaysFreed),
            Stat(c.AdmissionsWaiting),
            Stat(c.TotalCost),
            Stat(c.CashReleasingSaving),
            Stat(c.ActivityCost),
            Stat(c.UnmetDemand),
            Group(c.CostByOrganisation, Org),
            Number(c.CostPerDelayedDayAvoided),
            Number(c.ElectiveCasesFromBeds),
            Number(c.ElectiveCasesFromMoney),
            gapClosed,
            c.AvoidsDelaysClearly);
    }

    /// <summary>The verdict on the variants: its data here, its words from <paramref name="wording"/> (the caller's face).</summary>
    private static EconomicsDocument Economics(IReadOnlyList<VariantResult> variants, Decision decision, Func<Verdict, string> wording)
    {
        var verdict = decision.Verdict;
        bool priced = variants.Count > 0 && variants[0].Costs is not null;
        return new EconomicsDocument(
            priced ? verdict.Best : null,
            wording(verdict),
            Budgets(variants),
            verdict.ReplicationsNeeded,
            verdict.Best,
            ObjectiveWords.Code(decision.Objective),
            VerdictKindCode(verdict.Kind),
            verdict.DelayedDaysAvoided is { } d ? Stat(d) : null,
            verdict.CostPerDelayedDayAvoidedInterval is { } r ? RatioOf(r) : null,
            verdict.ExtraCostPerYear is { } e ? Stat(e) : null,
            [.. verdict.Reasons.Select(Reason)]);
    }

    private static string VerdictKindCode(VerdictKind kind) => kind switch
    {
        VerdictKind.Recommended => "recommended",
        VerdictKind.RankedByDelayedDaysAvoided => "most_delayed_days_avoided",
        VerdictKind.LeastCost => "least_cost",
        VerdictKind.NoVariants => "no_variants",
        VerdictKind.NoOptionAvoidsDelays => "no_option_avoids_delays",
        VerdictKind.CannotTellApart => "cannot_tell_apart",
        VerdictKind.NoAcceptableOption => "no_acceptable_option",
        _ => "no_intervals",
    };

    /// <summary>Each budget against the baseline's modelled spend of that organisation, by financial year, and its savings gap.</summary>
    private static List<BudgetDocument> Budgets(IReadOnlyList<VariantResult> variants)
    {
        if (variants.Count == 0 || variants[0].Costs is not { } costs)
        {
            return [];
        }
        return [.. (variants[0].Economy?.Budgets ?? []).Select(b => new BudgetDocument(
            Org(b.Organisation),
            b.Name,
            [.. b.ByYear.Keys.Union(costs.ByYear.Keys).Order().Select(year => new BudgetYearDocument(
                year.ToString(),
                b.ByYear.TryGetValue(year, out var budget) ? budget.Pounds : null,
                Stat(Estimate.Of(costs.Replications.Select(c => (double)c.ByOrganisationYear.GetValueOrDefault((b.Organisation, year)).Pounds)))))],
            b.Savings is { } plan
                ? new SavingsDocument(plan.Target.Pounds, plan.Identified.Pounds, plan.Gap.Pounds, [.. plan.Schemes.Select(s => new SchemeDocument(s.Name, s.Amount.Pounds, s.Variant))])
                : null))];
    }

    private static string Org(Commissioner c) => CommissionerWords.Code(c);
}
