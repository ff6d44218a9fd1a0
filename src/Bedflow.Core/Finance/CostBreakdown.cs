using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Finance;

/// <summary>
/// What one replication of one variant cost over the reporting horizon: by service,
/// by financial year, by organisation, and the pooled fund's result. Immutable.
/// </summary>
public sealed class CostBreakdown
{
    internal CostBreakdown(IReadOnlyDictionary<string, Money> byService, IReadOnlyDictionary<FinancialYear, Money> byYear,
        IReadOnlyDictionary<Commissioner, Money> byOrganisation, IReadOnlyDictionary<(Commissioner, FinancialYear), Money> byOrganisationYear,
        Money fixedCosts, PoolResult? pool, Money funded)
    {
        Funded = funded;
        ByService = byService;
        ByYear = byYear;
        ByOrganisation = byOrganisation;
        ByOrganisationYear = byOrganisationYear;
        FixedCosts = fixedCosts;
        Pool = pool;
        Total = byService.Values.Sum() + fixedCosts;
    }

    /// <summary>Everything spent on services and interventions (contributions to the pool are transfers, not costs).</summary>
    public Money Total { get; }

    /// <summary>Direct cost of each priced service.</summary>
    public IReadOnlyDictionary<string, Money> ByService { get; }

    /// <summary>Total by financial year.</summary>
    public IReadOnlyDictionary<FinancialYear, Money> ByYear { get; }

    /// <summary>
    /// Each partner's cost (NHS, social care): the services it commissions, the fixed costs it
    /// pays, and its share of what the pooled fund spent (its contribution less its share of the
    /// fund's underspend, or plus its share of the overspend). Without a pooled fund, pooled
    /// services fall to the lead commissioner.
    /// </summary>
    public IReadOnlyDictionary<Commissioner, Money> ByOrganisation { get; }

    /// <summary>Each partner's cost by financial year.</summary>
    public IReadOnlyDictionary<(Commissioner Organisation, FinancialYear Year), Money> ByOrganisationYear { get; }

    /// <summary>
    /// Cost of funded capacity (funded place-days) and fixed costs: what changes in cash when
    /// capacity is opened or closed. The rest is activity (occupied, delayed, per unit, per admission).
    /// </summary>
    public Money Funded { get; }

    /// <summary>Cost that follows activity: <see cref="Total"/> − <see cref="Funded"/> − <see cref="FixedCosts"/>.</summary>
    public Money Activity => Total - Funded - FixedCosts;

    /// <summary>Fixed costs of interventions within the horizon.</summary>
    public Money FixedCosts { get; }

    /// <summary>The pooled fund's result, if there is a fund.</summary>
    public PoolResult? Pool { get; }
}

/// <summary>The pooled fund over the horizon: what it received and spent, and who bears the difference.</summary>
/// <param name="Contributions">Partners' contributions for the days of the horizon.</param>
/// <param name="Spend">What the pooled services cost.</param>
/// <param name="Shares">Each partner's share of the result.</param>
public sealed record PoolResult(Money Contributions, Money Spend, IReadOnlyDictionary<Commissioner, Money> Shares)
{
    /// <summary>Contributions − spend: positive is an underspend, negative an overspend.</summary>
    public Money Result => Contributions - Spend;
}
