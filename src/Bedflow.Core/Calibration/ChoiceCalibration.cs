using Bedflow.Core.Model;
using Bedflow.Core.Statistics;
using Bedflow.Core.Statistics.Fitting;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Calibration;

/// <summary>
/// Patient or family choice (SitRep G) for the services with <c>choice:</c> that the register sees
/// as one destination (a bed service by name; otherwise a discharge pathway, so residential and
/// nursing homes are both P3): the share of the patients going there who waited for their choice,
/// with Wilson's 95% interval, and the choice wait's distribution fitted from the G periods
/// (right-censored at the scenario's <c>cap</c>, where the engine cuts the wait). Immutable.
/// </summary>
public sealed record ChoiceCalibration
{
    /// <summary>The services fitted together (they look the same to a register).</summary>
    public required IReadOnlyList<string> Services { get; init; }

    /// <summary>What the register sees of a patient going to them.</summary>
    public required Destination SeenAs { get; init; }

    /// <summary>Patients in the register who left a bed for them in the window.</summary>
    public required int Patients { get; init; }

    /// <summary>Of <see cref="Patients"/>, those with a choice period recorded.</summary>
    public required int WithChoice { get; init; }

    /// <summary>The share who waited for their choice, with Wilson's 95% interval; null when no patient went there.</summary>
    public FittedValue? Share { get; init; }

    /// <summary>Each choice period's length in days (censored at the cap).</summary>
    public IReadOnlyList<Stay> Waits { get; init; } = [];

    /// <summary>The cap on the wait the waits are censored at; null when none.</summary>
    public double? Cap { get; init; }

    /// <summary>The choice wait fitted; null when not (too few choice periods, or see <see cref="Note"/>).</summary>
    public StayFit? Wait { get; init; }

    /// <summary>Why the wait is not fitted; empty when fitted.</summary>
    public IReadOnlyList<StayFitProblem> WaitProblems { get; init; } = [];

    /// <summary>Why nothing (or only part) could be fitted, in words; null otherwise.</summary>
    public string? Note { get; init; }

    /// <summary>Every group of services with choice that the register's departures can reach, fitted.</summary>
    public static IReadOnlyList<ChoiceCalibration> Of(Network network, RegisterEvidence evidence, StayFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(evidence);
        var settings = ServiceDelays.For(network);
        Destination Seen(string name) => RoutingCalibration.SeenAs(network, settings, name, 1, 0).Keys.Single();
        var places = network.Services.Where(s => s.Role != ServiceRole.Resource).ToList();
        var results = new List<ChoiceCalibration>();
        foreach (var group in places.Where(s => s.Choice is not null).GroupBy(s => Seen(s.Name)))
        {
            var names = group.Select(s => s.Name).ToList();
            var basis = new ChoiceCalibration { Services = names, SeenAs = group.Key, Patients = 0, WithChoice = 0 };
            // Seen as the same as a service without choice, or an exit: the share would be diluted by them.
            var without = places.Where(s => s.Choice is null && Seen(s.Name) == group.Key).Select(s => s.Name)
                .Concat(network.Exits.Where(e => Seen(e) == group.Key)).ToList();
            if (without.Count > 0)
            {
                results.Add(basis with { Note = $"a register sees {string.Join(", ", names)} as it sees {string.Join(", ", without)}, which have no choice: the share cannot be told; not fitted." });
                continue;
            }
            var departures = evidence.Services.Where(s => !names.Contains(s.Service)).SelectMany(s => s.Departures).Where(d => d.To == group.Key).ToList();
            if (departures.Count == 0)
            {
                results.Add(basis with { Note = $"no patient in the register left a bed for {string.Join(", ", names)} ({group.Key}) in the window: nothing fitted." });
                continue;
            }
            int with = departures.Count(d => d.ChoiceFrom is not null);
            var caps = group.Select(s => s.Choice!.Cap).Distinct().ToList();
            double? cap = caps.Count == 1 ? caps[0] : null;
            var fitted = basis with { Patients = departures.Count, WithChoice = with, Share = Wilson(with, departures.Count), Cap = cap };
            if (caps.Count > 1)
            {
                results.Add(fitted with { Note = $"{string.Join(", ", names)} cap the choice wait differently, and a register cannot tell them apart: the wait is not fitted." });
                continue;
            }
            // The engine cuts a wait at the cap: a period as long as the cap (to the minute) is a wait of at least that.
            var waits = departures.Select(d => d.ChoiceDays).OfType<double>()
                .Select(w => cap is { } c && w >= c - (1.0 / 1440) ? Stay.StillIn(c) : Stay.Completed(Math.Max(w, 0.5 / 1440))).ToList();
            var problems = StayFit.Problems(waits, options);
            results.Add(problems.Count > 0
                ? fitted with { Waits = waits, WaitProblems = problems }
                : fitted with { Waits = waits, Wait = StayFit.Of(waits, options: options) });
        }
        return results;
    }

    /// <summary>
    /// Wilson's score interval for a binomial share: <paramref name="successes"/> of
    /// <paramref name="trials"/>, at 95%. With no success it is [0, z²/(n + z²)].
    /// </summary>
    internal static FittedValue Wilson(int successes, int trials)
    {
        Preconditions.InRange(successes, 0, trials, nameof(successes));
        const double z = 1.959963984540054;
        double n = trials, p = successes / n, z2 = z * z;
        double centre = (successes + (z2 / 2)) / (n + z2);
        double half = z / (n + z2) * Math.Sqrt((successes * (n - successes) / n) + (z2 / 4));
        return new FittedValue(p, successes == 0 ? 0 : Math.Max(0, centre - half), successes == trials ? 1 : Math.Min(1, centre + half));
    }
}
