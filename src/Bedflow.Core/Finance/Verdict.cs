using System.Globalization;

namespace Bedflow.Core.Finance;

/// <summary>
/// The best option: the lowest cost per delayed day avoided among variants whose paired 95%
/// interval of delayed days avoided excludes zero — or, when none does, a plain statement that
/// the options cannot be told apart at this number of replications, and how many would be needed.
/// </summary>
/// <param name="Best">The best variant's name, or null.</param>
/// <param name="Statement">One or two sentences for the table and the report.</param>
/// <param name="ReplicationsNeeded">When no option is clear: about how many replications would make the closest one's interval exclude zero.</param>
public sealed record Verdict(string? Best, string Statement, int? ReplicationsNeeded)
{
    /// <summary>Judges the comparisons of a run with <paramref name="replications"/> replications.</summary>
    public static Verdict Of(IReadOnlyList<Comparison> comparisons, int replications)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var clear = comparisons.Where(c => c.AvoidsDelaysClearly && !double.IsNaN(c.CostPerDelayedDayAvoided)).ToList();
        var uncosted = comparisons.Where(c => c.AvoidsDelaysClearly && double.IsNaN(c.CostPerDelayedDayAvoided)).ToList();
        if (clear.Count == 0 && uncosted.Count > 0)
        {
            var most = uncosted.MaxBy(c => c.DelayedDaysAvoided.Mean)!;
            return new Verdict(most.Variant, string.Create(CultureInfo.InvariantCulture,
                $"Without prices the options are ranked by delayed days avoided: {most.Variant} avoids the most, {most.DelayedDaysAvoided.Mean:N0} a year (95% CI {most.DelayedDaysAvoided.Lower:N0} to {most.DelayedDaysAvoided.Upper:N0})."), null);
        }
        if (clear.Count > 0)
        {
            var best = clear.MinBy(c => c.CostPerDelayedDayAvoided)!;
            string cost = best.CostPerDelayedDayAvoided < 0
                ? string.Create(CultureInfo.InvariantCulture, $"saves £{-best.CostPerDelayedDayAvoided:N0} for each delayed day it avoids")
                : string.Create(CultureInfo.InvariantCulture, $"costs £{best.CostPerDelayedDayAvoided:N0} for each delayed day it avoids");
            // Fewer delays bought by a fuller hospital is not the same good: say so.
            string caveat = best.AdmissionsWaiting.Lower is > 0.5
                ? string.Create(CultureInfo.InvariantCulture, $" But patients waiting for an acute bed rise by {best.AdmissionsWaiting.Mean:N1} a night (95% CI {best.AdmissionsWaiting.Lower:N1} to {best.AdmissionsWaiting.Upper:N1}): part of the delay moves to the front door.")
                : "";
            return new Verdict(best.Variant, string.Create(CultureInfo.InvariantCulture,
                $"Best option: {best.Variant}, which avoids {best.DelayedDaysAvoided.Mean:N0} delayed days a year (95% CI {best.DelayedDaysAvoided.Lower:N0} to {best.DelayedDaysAvoided.Upper:N0}) and {cost}.") + caveat, null);
        }
        if (comparisons.Count == 0)
        {
            return new Verdict(null, "There are no variants to compare with the baseline.", null);
        }
        // The closest: the largest mean avoided relative to its interval's half-width.
        var closest = comparisons.Where(c => c.DelayedDaysAvoided is { Mean: > 0, HalfWidth: > 0 })
            .MaxBy(c => c.DelayedDaysAvoided.Mean / c.DelayedDaysAvoided.HalfWidth!.Value);
        if (closest is null)
        {
            return new Verdict(null, string.Create(CultureInfo.InvariantCulture,
                $"No option avoids delayed days compared with the baseline at {replications} replications."), null);
        }
        double ratio = closest.DelayedDaysAvoided.HalfWidth!.Value / closest.DelayedDaysAvoided.Mean;
        int needed = (int)Math.Ceiling(replications * ratio * ratio * 1.1) + 1;
        return new Verdict(null, string.Create(CultureInfo.InvariantCulture,
            $"The options cannot be told apart from the baseline at {replications} replications: no option's 95% interval of delayed days avoided excludes zero. The closest, {closest.Variant}, would need about {needed} replications."),
            needed);
    }
}
