using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Bedflow.Core.Statistics;

/// <summary>
/// Where a service's patients went next: each destination's share of the counted transitions,
/// with Goodman's (1965) simultaneous intervals — all of them together, not each one alone,
/// cover the true shares with about the stated confidence (a little under it with few
/// transitions: docs/calibration.md, "Routing shares"). Immutable.
/// </summary>
/// <remarks>
/// Goodman, L. A. (1965), "On simultaneous confidence intervals for multinomial proportions",
/// Technometrics 7:247–254. With N transitions, n to a destination and K destinations, the
/// interval is every p with (n − Np)² ≤ A·Np(1 − p), A the 1 − α/K quantile of χ² on 1 degree of
/// freedom (Bonferroni over the K destinations), α = 1 − level:
/// p = [A + 2n ∓ √(A(A + 4n(N − n)/N))] ÷ 2(N + A). A destination never seen gets [0, A/(N + A)].
/// </remarks>
public sealed record RoutingShares
{
    private RoutingShares(string? group, int total, double level, IReadOnlyList<DestinationShare> destinations)
    {
        Group = group;
        Total = total;
        Level = level;
        Destinations = destinations;
    }

    /// <summary>The patient group, or null for the service's transitions of every group together.</summary>
    public string? Group { get; }

    /// <summary>The transitions counted.</summary>
    public int Total { get; }

    /// <summary>The simultaneous confidence level of the intervals (e.g. 0.95).</summary>
    public double Level { get; }

    /// <summary>Every destination, in the order given, with its share and interval; the shares sum to 1.</summary>
    public IReadOnlyList<DestinationShare> Destinations { get; }

    /// <summary>The share of <paramref name="destination"/> (ordinal name).</summary>
    /// <exception cref="KeyNotFoundException">No such destination was counted.</exception>
    public DestinationShare Of(string destination) =>
        Destinations.FirstOrDefault(d => string.Equals(d.Destination, destination, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"no destination '{destination}' among {string.Join(", ", Destinations.Select(d => d.Destination))}.");

    /// <summary>
    /// The shares of one service's transitions: <paramref name="counts"/> gives each destination
    /// once, with its count (0 for a destination that can be reached but was not in the data:
    /// it then has share 0 and an honest interval above it).
    /// </summary>
    /// <exception cref="ArgumentException">A problem <see cref="Problems(IReadOnlyList{ValueTuple{string, int}})"/> would report, or a level not between 0 and 1.</exception>
    public static RoutingShares From(IReadOnlyList<(string Destination, int Count)> counts, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(counts);
        CheckLevel(level);
        foreach (string problem in Checks(counts, null).Take(1))
        {
            throw new ArgumentException(problem, nameof(counts));
        }
        return Goodman(null, counts, level);
    }

    /// <summary>
    /// The shares of each patient group's transitions, groups in the order first given. Every
    /// destination counted for any group is a destination of every group (count 0 where the group
    /// had none). The intervals are simultaneous over one group's destinations, not across groups.
    /// </summary>
    /// <exception cref="ArgumentException">A problem <see cref="Problems(IReadOnlyList{ValueTuple{string, string, int}})"/> would report, or a level not between 0 and 1.</exception>
    public static IReadOnlyList<RoutingShares> ByGroup(IReadOnlyList<(string Group, string Destination, int Count)> counts, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(counts);
        CheckLevel(level);
        foreach (string problem in GroupChecks(counts).Take(1))
        {
            throw new ArgumentException(problem, nameof(counts));
        }
        return [.. Grouped(counts).Select(g => Goodman(g.Group, g.Counts, level))];
    }

    /// <summary>Every reason the counts of one service cannot give shares, in words for the user; empty when <see cref="From"/> accepts them.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<(string Destination, int Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return [.. Checks(counts, null)];
    }

    /// <summary>Every reason the counts by group cannot give shares, in words for the user; empty when <see cref="ByGroup"/> accepts them.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<(string Group, string Destination, int Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return [.. GroupChecks(counts)];
    }

    private static RoutingShares Goodman(string? group, IReadOnlyList<(string Destination, int Count)> counts, double level)
    {
        int k = counts.Count;
        int total = counts.Sum(c => c.Count);
        if (k == 1)
        {
            // One destination: every patient goes there, and there is nothing to estimate.
            return new RoutingShares(group, total, level, [new DestinationShare(counts[0].Destination, total, 1, 1, 1)]);
        }
        double a = ChiSquared.InvCDF(1, 1 - ((1 - level) / k));
        double n = total;
        var shares = new DestinationShare[k];
        for (int i = 0; i < k; i++)
        {
            double x = counts[i].Count;
            double root = Math.Sqrt(a * (a + (4 * x * (n - x) / n)));
            double lower = Math.Max(0, (a + (2 * x) - root) / (2 * (n + a)));
            double upper = Math.Min(1, (a + (2 * x) + root) / (2 * (n + a)));
            shares[i] = new DestinationShare(counts[i].Destination, counts[i].Count, x / n, lower, upper);
        }
        return new RoutingShares(group, total, level, shares);
    }

    private static IEnumerable<(string Group, List<(string Destination, int Count)> Counts)> Grouped(IReadOnlyList<(string Group, string Destination, int Count)> counts)
    {
        var destinations = counts.Select(c => c.Destination).Distinct(StringComparer.Ordinal).ToList();
        foreach (string group in counts.Select(c => c.Group).Distinct(StringComparer.Ordinal))
        {
            var mine = counts.Where(c => string.Equals(c.Group, group, StringComparison.Ordinal)).ToList();
            yield return (group, [.. destinations.Select(d => (d, mine.Where(c => string.Equals(c.Destination, d, StringComparison.Ordinal)).Sum(c => c.Count)))]);
        }
    }

    private static IEnumerable<string> GroupChecks(IReadOnlyList<(string Group, string Destination, int Count)> counts)
    {
        if (counts.Count == 0)
        {
            yield return "there are no counts of transitions.";
            yield break;
        }
        foreach (var c in counts.Where(c => string.IsNullOrWhiteSpace(c.Group)).Take(1))
        {
            yield return $"a patient group has no name (destination '{c.Destination}').";
        }
        var seen = new HashSet<(string, string)>();
        foreach (var c in counts)
        {
            if (!seen.Add((c.Group, c.Destination)))
            {
                yield return $"group '{c.Group}' counts destination '{c.Destination}' twice: give each once, with its total.";
            }
        }
        // Each (group, destination) is now given once, so a group's own checks find no duplicate.
        foreach (var (group, mine) in Grouped(counts))
        {
            foreach (string problem in Checks(mine, group))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> Checks(IReadOnlyList<(string Destination, int Count)> counts, string? group)
    {
        string of = group is null ? "" : $" of group '{group}'";
        if (counts.Count == 0)
        {
            yield return "there are no destinations to share the transitions between.";
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (destination, count) in counts)
        {
            if (string.IsNullOrWhiteSpace(destination))
            {
                yield return $"a destination{of} has no name.";
            }
            else if (!seen.Add(destination))
            {
                yield return $"destination '{destination}'{of} is counted twice: give each destination once, with its total.";
            }
            if (count < 0)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"the count to '{destination}'{of} is negative ({count}); transitions are counted 0 or more.");
            }
        }
        if (counts.All(c => c.Count <= 0))
        {
            yield return $"there is no transition{of} to any destination: no share can be told from none.";
        }
    }

    private static void CheckLevel(double level) =>
        Preconditions.Check(level > 0 && level < 1, nameof(level), $"confidence level must be between 0 and 1, but was {Preconditions.Show(level)}.");
}
