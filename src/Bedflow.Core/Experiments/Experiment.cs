using Bedflow.Core.Model;
using Bedflow.Core.Simulation;

namespace Bedflow.Core.Experiments;

/// <summary>
/// Runs a baseline and its variants with the same options and seed, so that every variant sees
/// the same random numbers for the same patients (common random numbers) and differences
/// between them are differences between the options, not between the dice.
/// </summary>
public static class Experiment
{
    /// <summary>Runs every variant in order; <paramref name="replicationDone"/> is called as each replication of any variant finishes.</summary>
    public static IReadOnlyList<VariantResult> Run(IReadOnlyList<(string Name, string Description, Network Network)> variants, RunOptions options,
        Action? replicationDone = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(options);
        var counted = options with { CountDelays = true };
        return [.. variants.Select(v => new VariantResult(v.Name, v.Description, v.Network, Simulator.Run(v.Network, counted, replicationDone)))];
    }
}

/// <summary>One variant's run, with the headline figures a board asks for first.</summary>
public sealed class VariantResult
{
    internal VariantResult(string name, string description, Network network, RunResult run)
    {
        Name = name;
        Description = description;
        Network = network;
        Run = run;
        var acute = network.Services.Select((s, i) => (s, i)).Where(x => x.s.Kind == ServiceKind.Acute).Select(x => x.i).ToList();
        DelayedPatients = run.Delays!.MeanDelayed;
        DelayedDaysPerYear = run.Delays.DaysPerYear;
        AcuteOccupancy = run.Over(r => acute.Count == 0 ? double.NaN
            : acute.Sum(i => r.Get(i, ServiceMetric.MeanOccupancy)) / acute.Sum(i => r.Get(i, ServiceMetric.MeanCapacity)));
        AdmissionsWaiting = run.Over(r => acute.Count == 0 || r.Census is null ? double.NaN
            : Enumerable.Range(0, r.Census.Days).Average(d => acute.Sum(i => (double)r.Census.Queued[i][d])));
    }

    /// <summary>The variant's name ("baseline" for the baseline).</summary>
    public string Name { get; }

    /// <summary>What it changes.</summary>
    public string Description { get; }

    /// <summary>The network run.</summary>
    public Network Network { get; }

    /// <summary>The full run: services, delays, replications.</summary>
    public RunResult Run { get; }

    /// <summary>Patients delayed on a typical day: the mean of the daily midnight counts of delayed patients.</summary>
    public Statistics.Estimate DelayedPatients { get; }

    /// <summary>Delayed days a year.</summary>
    public Statistics.Estimate DelayedDaysPerYear { get; }

    /// <summary>Acute occupancy: time-average places held in acute services ÷ their capacity.</summary>
    public Statistics.Estimate AcuteOccupancy { get; }

    /// <summary>Admissions waiting: the mean midnight count queued for acute services.</summary>
    public Statistics.Estimate AdmissionsWaiting { get; }
}
