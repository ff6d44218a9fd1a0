using Bedflow.Core.Model;
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

    /// <summary>
    /// The number of the first replication run: replications <c>FirstReplication</c> to
    /// <c>FirstReplication + Replications − 1</c> are run, each with exactly the draws it has in a
    /// run from 0, so a run can be extended by more replications without repeating the first
    /// ones. 0 unless set; never below 0.
    /// </summary>
    public int FirstReplication { get; init; }

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

    /// <summary>
    /// Start from a census of the beds instead of from a warm-up (a forecast from a register):
    /// the run begins at <see cref="PatientSnapshot.Day"/> with its patients in place and runs to
    /// <see cref="Horizon"/> (days from the start date, as always). The services the snapshot
    /// covers (<see cref="PatientSnapshot.Covers"/>) start with its patients alone, their own
    /// <see cref="StartingState"/> not placed; every other service starts from its
    /// <see cref="StartingState"/>, as in an ordinary run. The warm-up must be 0. Null (the default) = an ordinary run.
    /// </summary>
    public PatientSnapshot? From { get; init; }

    /// <summary>The time the run begins: the snapshot's moment, else the start of the warm-up.</summary>
    internal double BeginDay => From?.Day ?? -WarmupDays;

    /// <summary>Every problem with these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        // A warm-up is a Days, never negative or infinite: only the horizon's "more than 0" is left to check.
        if (FirstReplication < 0)
        {
            problems.Add($"the first replication must be 0 or more, but was {FirstReplication}.");
        }
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
        if (From is { } from)
        {
            if (WarmupDays != 0)
            {
                problems.Add("a run from a snapshot of the beds has no warm-up: set it to 0.");
            }
            if (!(from.Day >= 0 && from.Day < HorizonDays))
            {
                problems.Add($"a snapshot's day must be from 0 to before the horizon ({Preconditions.Show(HorizonDays)}), but was {Preconditions.Show(from.Day)}.");
            }
            foreach (var p in from.Patients)
            {
                if (!(p.InBed >= 0 && double.IsFinite(p.InBed)) || p.ReadyFor is { } r && !(r >= 0 && r <= p.InBed))
                {
                    problems.Add($"a starting patient at {p.Service} must have been in bed 0 days or more and ready no longer than that.");
                    break;
                }
                if (p.InStep is { } s && !(s >= 0 && s <= (p.ReadyFor ?? -1)) || p.Steps.Any(x => !(x.Weight > 0 && double.IsFinite(x.Weight))))
                {
                    problems.Add($"a starting patient at {p.Service} must be ready to be at a step, for no longer than it has been ready, and each step's weight must be more than 0.");
                    break;
                }
            }
        }
        return problems;
    }
}
