using System.Diagnostics;
using System.Globalization;
using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;

namespace Bedflow.Cli;

/// <summary>
/// The progress of `bedflow optimise` on standard error: what the search is doing, candidates and
/// replications so far, the best acceptable allocation so far with its delayed days (95% CI) and,
/// in the greedy phase, the most time left at the pace so far. Rewritten in place at most once a
/// second on a terminal; a whole line every ten seconds when standard error is a file.
/// </summary>
internal sealed class OptimiseProgressLine(TextWriter error, Stopwatch clock, bool redirected)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private TimeSpan? _last;

    public void Show(OptimiseProgress p, IReadOnlyList<Lever> levers)
    {
        var now = clock.Elapsed;
        if (_last is { } last && now - last < (redirected ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(1)))
        {
            return;
        }
        _last = now;
        string line = Text(p, levers, now);
        if (redirected)
        {
            error.WriteLine(line);
        }
        else
        {
            error.Write($"\r{line}\u001b[K");
            error.Flush();
        }
    }

    internal static string Text(OptimiseProgress p, IReadOnlyList<Lever> levers, TimeSpan elapsed)
    {
        string phase = p.Phase switch
        {
            OptimisePhase.Start => "start",
            OptimisePhase.Greedy => "greedy",
            OptimisePhase.LocalSearch => "local search",
            OptimisePhase.Selection => "selection",
            _ => "least total cost",
        };
        string best = p.Best is { } b
            ? string.Create(Inv, $"; best so far {Allocations.Named(levers, b.Allocation)}: {Formatting.Estimate(b.DelayedDaysEstimate(b.Replications), "N0")} delayed days a year")
            : "";
        string left = p.CandidatesLeft is { } n && p.Candidates > 0
            ? $"; at most {Duration(TimeSpan.FromSeconds(elapsed.TotalSeconds / p.Candidates * n))} left in this phase"
            : "";
        return string.Create(Inv, $"{phase}: {p.Candidates} allocations, {p.Replications:N0} replications, {Duration(elapsed)}{best}{left}");
    }

    private static string Duration(TimeSpan t) =>
        t.TotalMinutes >= 1 ? string.Create(Inv, $"{(int)t.TotalMinutes} min {t.Seconds:00} s") : string.Create(Inv, $"{t.TotalSeconds:0} s");
}

/// <summary>An allocation in words: each lever with the amount it adds ("more_reablement +10"), a switch "on"; levers left at 0 (a switch off, as at the start) are left out.</summary>
internal static class Allocations
{
    public static string Named(IReadOnlyList<Lever> levers, Allocation a)
    {
        var parts = levers.Select((l, j) => a[j] == 0 ? null : l.IsSwitch ? $"{l.Name} on" : $"{l.Name} {a[j]:+0;-0;0}")
            .OfType<string>().ToList();
        return parts.Count == 0 ? "nothing added" : string.Join(", ", parts);
    }
}
