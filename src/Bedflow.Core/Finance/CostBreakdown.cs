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
        Money fixedCosts, PoolResult? pool, Money funded, UnmetDemand unmet)
    {
        Funded = funded;
        Unmet = unmet;
        ByService = byService;
        ByYear = byYear;
        ByOrganisation = byOrganisation;
        ByOrganisationYear = byOrganisationYear;
        FixedCosts = fixedCosts;
        Pool = pool;
        Services = byService.Values.Sum();
        Total = Services + fixedCosts + (unmet.InTotal ? unmet.Total : Money.Zero);
    }

    /// <summary>
    /// Everything spent on services and interventions (contributions to the pool are transfers, not
    /// costs), and the price of unmet demand when the prices put it in the total
    /// (<see cref="UnmetDemandPrices.InTotal"/>). The appraisal's extra cost is this total's difference from the baseline's.
    /// </summary>
    public Money Total { get; }

    /// <summary>The priced services' direct cost: the sum of <see cref="ByService"/>.</summary>
    public Money Services { get; }

    /// <summary>What the demand the network did not meet costs (in <see cref="Total"/> only when <see cref="UnmetDemand.InTotal"/>).</summary>
    public UnmetDemand Unmet { get; }

    /// <summary>The price of unmet demand: <see cref="UnmetDemand.Total"/> of <see cref="Unmet"/>.</summary>
    public Money UnmetDemand => Unmet.Total;

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

    /// <summary>Cost that follows activity: <see cref="Total"/> − <see cref="Funded"/> − <see cref="FixedCosts"/> − unmet demand in the total (which is not activity).</summary>
    public Money Activity => Total - Funded - FixedCosts - (Unmet.InTotal ? Unmet.Total : Money.Zero);

    /// <summary>Fixed costs of interventions within the horizon.</summary>
    public Money FixedCosts { get; }

    /// <summary>The pooled fund's result, if there is a fund.</summary>
    public PoolResult? Pool { get; }
}

/// <summary>
/// Demand a replication did not meet and its price: planned patients cancelled or turned away and
/// patient-hours waited for an acute bed over the reported period (the counts behind the harms
/// <c>electives_turned_away_per_year</c> and <c>hours_waited_for_acute_bed_per_year</c>, not a year's).
/// </summary>
/// <param name="ElectivesTurnedAway">Planned patients turned away.</param>
/// <param name="HoursWaitedForBed">Patient-hours waited for an acute bed: the time-average acute queue × 24 × the period's days.</param>
/// <param name="Electives">Their price: turned away × <see cref="PriceList.ElectiveTurnedAwayPrice"/>.</param>
/// <param name="Waiting">Its price: hours × <see cref="UnmetDemandPrices.HourWaitingForBed"/>.</param>
/// <param name="PaidBy">Who bears it.</param>
/// <param name="InTotal">Whether it counts in <see cref="CostBreakdown.Total"/>.</param>
public sealed record UnmetDemand(double ElectivesTurnedAway, double HoursWaitedForBed, Money Electives, Money Waiting, Commissioner PaidBy, bool InTotal)
{
    /// <summary>Electives + waiting.</summary>
    public Money Total => Electives + Waiting;
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
