using Bedflow.Core.Statistics;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Finance;

/// <summary>A variant's costs over replications: each a mean with its 95% interval, in pounds (a <see cref="double"/> statistic of each replication's <see cref="Money"/>). Immutable.</summary>
public sealed class VariantCosts
{
    internal VariantCosts(IReadOnlyList<CostBreakdown> replications, FinancialYear? priceYear)
    {
        Replications = replications;
        PriceYear = priceYear;
        Total = Of(c => c.Total).NonNegative();
        FixedCosts = Of(c => c.FixedCosts).NonNegative();
        Funded = Of(c => c.Funded).NonNegative();
        Activity = Of(c => c.Activity).NonNegative();
        UnmetDemand = Of(c => c.UnmetDemand).NonNegative();
        UnmetElectives = Of(c => c.Unmet.Electives).NonNegative();
        UnmetWaiting = Of(c => c.Unmet.Waiting).NonNegative();
        UnmetInTotal = replications[0].Unmet.InTotal;
        ByOrganisation = new[] { Commissioner.Nhs, Commissioner.SocialCare }.ToDictionary(o => o, o => Of(c => c.ByOrganisation.GetValueOrDefault(o)));
        ByService = replications[0].ByService.Keys.ToDictionary(s => s, s => Of(c => c.ByService.GetValueOrDefault(s)).NonNegative());
        ByYear = replications[0].ByYear.Keys.Order().ToDictionary(y => y, y => Of(c => c.ByYear.GetValueOrDefault(y)).NonNegative());
        if (replications[0].Pool is { } pool)
        {
            PoolContributions = Of(c => c.Pool!.Contributions).NonNegative();
            PoolSpend = Of(c => c.Pool!.Spend).NonNegative();
            PoolResult = Of(c => c.Pool!.Result);
            PoolShares = pool.Shares.Keys.ToDictionary(o => o, o => Of(c => c.Pool!.Shares[o]));
        }
    }

    /// <summary>Each replication's breakdown.</summary>
    public IReadOnlyList<CostBreakdown> Replications { get; }

    /// <summary>The financial year of the prices (<see cref="PriceList.Year"/>); null when not stated.</summary>
    public FinancialYear? PriceYear { get; }

    /// <summary>Total cost over the horizon.</summary>
    public Estimate Total { get; }

    /// <summary>Cost of funded capacity over the horizon.</summary>
    public Estimate Funded { get; }

    /// <summary>Cost that follows activity over the horizon.</summary>
    public Estimate Activity { get; }

    /// <summary>Fixed costs of interventions over the horizon.</summary>
    public Estimate FixedCosts { get; }

    /// <summary>The price of unmet demand over the horizon (<see cref="CostBreakdown.UnmetDemand"/>).</summary>
    public Estimate UnmetDemand { get; }

    /// <summary>Its part for planned patients turned away.</summary>
    public Estimate UnmetElectives { get; }

    /// <summary>Its part for patient-hours waited for an acute bed.</summary>
    public Estimate UnmetWaiting { get; }

    /// <summary>Whether unmet demand is in <see cref="Total"/>.</summary>
    public bool UnmetInTotal { get; }

    /// <summary>Cost to each partner (see <see cref="CostBreakdown.ByOrganisation"/>).</summary>
    public IReadOnlyDictionary<Commissioner, Estimate> ByOrganisation { get; }

    /// <summary>Direct cost of each priced service.</summary>
    public IReadOnlyDictionary<string, Estimate> ByService { get; }

    /// <summary>Total by financial year, earliest first.</summary>
    public IReadOnlyDictionary<FinancialYear, Estimate> ByYear { get; }

    /// <summary>Pooled fund contributions for the horizon (null without a fund).</summary>
    public Estimate? PoolContributions { get; }

    /// <summary>Pooled fund spend.</summary>
    public Estimate? PoolSpend { get; }

    /// <summary>Pooled fund result: positive underspend, negative overspend.</summary>
    public Estimate? PoolResult { get; }

    /// <summary>Each partner's share of the pooled fund's result.</summary>
    public IReadOnlyDictionary<Commissioner, Estimate>? PoolShares { get; }

    // Statistics are doubles: each replication's exact pounds become one here, and only here.
    private Estimate Of(Func<CostBreakdown, Money> measure) => Estimate.Of(Replications.Select(c => (double)measure(c).Pounds));
}
