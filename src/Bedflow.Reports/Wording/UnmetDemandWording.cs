using Bedflow.Core.Finance;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Reports.Wording;

/// <summary>
/// The words for the price of unmet demand (docs/scenario-reference.md, "Unmet demand") wherever
/// money is shown — the board pack, the workbook, the command line — so that a "saving" made by
/// turning patients away never reads as a saving on its own.
/// </summary>
public static class UnmetDemandWording
{
    /// <summary>The heading over its rows or columns: whether it is in the totals, and who bears it when it is.</summary>
    public static string Heading(VariantCosts costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return costs.UnmetInTotal
            ? $"Price of unmet demand (in the totals, paid by the {CommissionerWords.Organisation(costs.Replications[0].Unmet.PaidBy)})"
            : "Price of unmet demand (not in the totals)";
    }

    /// <summary>Its part for planned patients cancelled or turned away.</summary>
    public const string Electives = "Electives turned away × their price";

    /// <summary>Its part for patient-hours waited for an acute bed.</summary>
    public const string Waiting = "Hours waiting for a bed × its price";

    /// <summary>The two together.</summary>
    public const string Total = "All unmet demand";

    /// <summary>In place of a part's money when the scenario sets it no price.</summary>
    public const string NoPrice = "no price set";

    /// <summary>
    /// Whether a part of unmet demand went unpriced: some of it happened (patients turned away,
    /// hours waited) but it cost nothing in every replication — the scenario gives it no price.
    /// </summary>
    public static bool Unpriced(VariantCosts costs, Func<UnmetDemand, double> count, Func<UnmetDemand, Core.Units.Money> money)
    {
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(money);
        return costs.Replications.Any(r => count(r.Unmet) > 0) && costs.Replications.All(r => money(r.Unmet) == Core.Units.Money.Zero);
    }

    /// <summary>A sentence under a money table: what it is, and what its sign means.</summary>
    public static string Note(VariantCosts costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return "The price of unmet demand is what the care not given costs: electives cancelled or turned away × their price, and patient-hours waited for an acute bed × its price. "
            + (costs.UnmetInTotal
                ? "The scenario puts it in the totals: it is money someone pays."
                : "It is not in the totals, which are money the commissioners spend: an option that saves money by turning patients away or keeping them waiting shows a negative saving here. \"No price set\": the scenario gives that part no price.");
    }
}
