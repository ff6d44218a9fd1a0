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

    /// <summary>A sentence under a money table: what it is, and what its sign means.</summary>
    public static string Note(VariantCosts costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return "The price of unmet demand is what the care not given costs: electives cancelled or turned away × their price, and patient-hours waited for an acute bed × its price. "
            + (costs.UnmetInTotal
                ? "The scenario puts it in the totals (prices.unmet.in_total)."
                : "It is not in the totals (the scenario's prices.unmet.in_total is false): an option that saves money by turning patients away shows a negative saving here.");
    }
}
