using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Finance;

/// <summary>
/// The money side of a scenario (one variant of it): prices, intervention costs, budgets and the
/// pooled fund. Amounts are <see cref="Money"/> (exact pounds) at the prices of <see cref="PriceList.Year"/>. Immutable.
/// </summary>
public sealed record Economy
{
    /// <summary>The price list.</summary>
    public PriceList Prices { get; init; } = new();

    /// <summary>Fixed costs of interventions, spread evenly over their days.</summary>
    public IReadOnlyList<FixedCost> FixedCosts { get; init; } = [];

    /// <summary>Budgets and savings plans of the NHS commissioner and the council.</summary>
    public IReadOnlyList<Budget> Budgets { get; init; } = [];

    /// <summary>The pooled fund (Section 75), if any: it buys the services commissioned as pooled.</summary>
    public PooledFund? Pool { get; init; }
}

/// <summary>Prices: per service, the cost of an excess (delayed) acute bed-day, and an elective case for the waiting-list trade-off.</summary>
public sealed record PriceList
{
    /// <summary>The financial year whose prices these are (2016/17), recorded with the results; null = not stated.</summary>
    public FinancialYear? Year { get; init; }

    /// <summary>Price of an excess (delayed) bed-day in an acute bed, replacing the occupied price for that day (never both); null = the occupied price.</summary>
    public Money? ExcessBedDay { get; init; }

    /// <summary>Acute bed-days an elective case uses.</summary>
    public double ElectiveBedDays { get; init; } = 3;

    /// <summary>Price of an elective case.</summary>
    public Money? ElectivePrice { get; init; }

    /// <summary>Prices by service name; a service not listed costs nothing.</summary>
    public IReadOnlyDictionary<string, ServicePrices> Services { get; init; } = new Dictionary<string, ServicePrices>();

    /// <summary>The price of demand the network does not meet (electives turned away, hours waited for an acute bed).</summary>
    public UnmetDemandPrices Unmet { get; init; } = new();

    /// <summary>The price of a planned patient turned away: <see cref="UnmetDemandPrices.ElectiveTurnedAway"/>, else the elective price, else nothing.</summary>
    public Money ElectiveTurnedAwayPrice => Unmet.ElectiveTurnedAway ?? ElectivePrice ?? Money.Zero;
}

/// <summary>
/// What demand the network does not meet costs: an elective cancelled or turned away (the income
/// lost, or the cost of buying it elsewhere) and an emergency patient-hour waiting for an acute
/// bed (a corridor or trolley wait: extra staff, harm). Reported on its own
/// (<see cref="CostBreakdown.UnmetDemand"/>); in the total only when <see cref="InTotal"/>.
/// </summary>
public sealed record UnmetDemandPrices
{
    /// <summary>Per planned patient cancelled or turned away; null = the price of an elective case (<see cref="PriceList.ElectivePrice"/>).</summary>
    public Money? ElectiveTurnedAway { get; init; }

    /// <summary>Per patient-hour waited for an acute bed; no national tariff, so nothing unless stated.</summary>
    public Money HourWaitingForBed { get; init; }

    /// <summary>Who bears it (NHS or social care): the organisation it is counted against when it is in the total.</summary>
    public Commissioner PaidBy { get; init; } = Commissioner.Nhs;

    /// <summary>Whether it counts in <see cref="CostBreakdown.Total"/> (and so in the appraisal's extra cost, the organisations' and years' costs); false = reported beside it.</summary>
    public bool InTotal { get; init; }
}

/// <summary>
/// A service's prices. A bed-day (place-day) is a place held at midnight, the NHS's count; a
/// funded bed-day is a place of capacity at midnight, paid whether used or not.
/// </summary>
public sealed record ServicePrices
{
    /// <summary>Per occupied place-day (a care-home week is 7 of these).</summary>
    public Money OccupiedDay { get; init; }

    /// <summary>Per funded place-day (capacity in force, escalation beds included).</summary>
    public Money FundedDay { get; init; }

    /// <summary>Per unit of demand per week, e.g. per carer hour when capacity is carer hours a week.</summary>
    public Money PerUnit { get; init; }

    /// <summary>
    /// Per unit of capacity per week, paid whether used or not, e.g. per contracted carer hour when
    /// capacity is carer hours a week (as <see cref="FundedDay"/> is to <see cref="OccupiedDay"/>).
    /// </summary>
    public Money FundedUnit { get; init; }

    /// <summary>Per admission (care started).</summary>
    public Money Admission { get; init; }
}

/// <summary>A fixed cost (e.g. the £2m winter pilot), spread evenly over days [From, To) — days from day 0.</summary>
public sealed record FixedCost(string Name, double From, double To, Money Amount, Commissioner PaidBy);

/// <summary>An organisation's budget by financial year and its savings plan.</summary>
public sealed record Budget
{
    /// <summary>Which organisation: the NHS commissioner or the council.</summary>
    public required Commissioner Organisation { get; init; }

    /// <summary>Its name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Budget by financial year.</summary>
    public IReadOnlyDictionary<FinancialYear, Money> ByYear { get; init; } = new Dictionary<FinancialYear, Money>();

    /// <summary>Savings plan, if any.</summary>
    public SavingsPlan? Savings { get; init; }
}

/// <summary>A savings target and the schemes found so far.</summary>
public sealed record SavingsPlan
{
    /// <summary>The savings to find (a year).</summary>
    public required Money Target { get; init; }

    /// <summary>Identified schemes.</summary>
    public IReadOnlyList<SavingsScheme> Schemes { get; init; } = [];

    /// <summary>Total identified.</summary>
    public Money Identified => Schemes.Sum(s => s.Amount);

    /// <summary>The remaining gap: target − identified (e.g. £22.4m − £9.1m = £13.3m).</summary>
    public Money Gap => Target - Identified;
}

/// <summary>A named saving, optionally linked to the variant that models it.</summary>
public sealed record SavingsScheme(string Name, Money Amount, string? Variant = null);

/// <summary>
/// A pooled fund: each partner's contribution a year; it buys the services commissioned as
/// pooled; an overspend or underspend is shared in proportion to contributions, or by fixed shares.
/// </summary>
public sealed record PooledFund
{
    /// <summary>Its name.</summary>
    public string Name { get; init; } = "Pooled fund";

    /// <summary>Contribution a year by partner (NHS, social care).</summary>
    public required IReadOnlyDictionary<Commissioner, Money> Contributions { get; init; }

    /// <summary>Fixed shares of the result by partner (proportions summing to 1); null = in proportion to contributions.</summary>
    public IReadOnlyDictionary<Commissioner, decimal>? Shares { get; init; }

    /// <summary>Each partner's share of an overspend or underspend.</summary>
    public decimal ShareOf(Commissioner partner)
    {
        if (Shares is { } fixedShares)
        {
            return fixedShares.GetValueOrDefault(partner);
        }
        var total = Contributions.Values.Sum();
        return total == Money.Zero ? 0 : Contributions.GetValueOrDefault(partner) / total;
    }
}
