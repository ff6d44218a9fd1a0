using Bedflow.Core.Units;

namespace Bedflow.Core.Simulation;

/// <summary>How to run a network: warm-up, reporting horizon, replications and seed. Immutable.</summary>
public sealed record RunOptions
{
    /// <summary>Time simulated before day 0 and not counted (the calendar dates before the start date); 90 days unless set.</summary>
    public Days Warmup { get; init; } = Days.Of(90);

    /// <summary>Time reported, from day 0; a year (<see cref="YearLength.CommonDays"/>, 365 days) unless set. Must be more than 0 (<see cref="Validate"/>).</summary>
    public Days Horizon { get; init; } = Days.Of(YearLength.CommonDays);

    /// <summary>The warm-up as a number of days (<see cref="Warmup"/>'s <see cref="Days.TotalDays"/>), for the engine's clock.</summary>
    public double WarmupDays => Warmup.TotalDays;

    /// <summary>The horizon as a number of days (<see cref="Horizon"/>'s <see cref="Days.TotalDays"/>), for the engine's clock.</summary>
    public double HorizonDays => Horizon.TotalDays;

    /// <summary>Independent replications.</summary>
    public int Replications { get; init; } = 10;

    /// <summary>The master seed; the same seed gives the same numbers whatever the thread count.</summary>
    public ulong Seed { get; init; } = 20160401;

    /// <summary>Threads to use; null = all cores. Never changes the results.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Keep the full patient-episode log of each replication (memory grows with the horizon).</summary>
    public bool RecordEpisodes { get; init; }

    /// <summary>
    /// Count delayed transfers of care as the NHS does (<see cref="Delays.DelayFigures"/>) in each
    /// replication, as it runs (no episode log is kept for it).
    /// </summary>
    public bool CountDelays { get; init; }

    /// <summary>Keep per-day midnight counts (occupancy, blocked, queued) per service.</summary>
    public bool DailyCensus { get; init; } = true;

    /// <summary>Every problem with these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        // A warm-up is a Days, never negative or infinite: only the horizon's "more than 0" is left to check.
        if (!(HorizonDays > 0))
        {
            problems.Add($"horizon must be more than 0 days, but was {Preconditions.Show(HorizonDays)}.");
        }
        if (Replications < 1)
        {
            problems.Add($"replications must be at least 1, but was {Replications}.");
        }
        if (MaxDegreeOfParallelism is < 1)
        {
            problems.Add($"threads must be at least 1, but was {MaxDegreeOfParallelism}.");
        }
        return problems;
    }
}
