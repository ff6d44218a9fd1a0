using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Delays;

/// <summary>
/// Counts a replication's delays as it runs (<see cref="Sink"/>), or turns its episode log into <see cref="DelayRecord"/>s — the same records the
/// register produces — so that one metrics module counts simulated and real patients alike.
/// The reason of each stretch of a delay follows what the patient waited for (the engine's
/// <see cref="WaitSegment"/>s): the awaited service's reason and organisation, or G while
/// the patient waited for its choice of provider.
/// </summary>
public static class SimulatedDelays
{
    /// <summary>One record per stay in a bed that counts for the SitRep (the other services' stays are left out).</summary>
    /// <exception cref="InvalidOperationException">The run did not record episodes (<see cref="RunOptions.RecordEpisodes"/>).</exception>
    public static IEnumerable<DelayRecord> Records(Network network, ReplicationResult replication, RunOptions options) =>
        Stays(network, replication, options).Select(s => s.Record);

    /// <summary>
    /// As <see cref="Records"/>, each record with the episode it was made from (which patient of
    /// which stream, on which visit): what a register extract of the run needs to give one patient
    /// one NHS number across their stays.
    /// </summary>
    /// <exception cref="InvalidOperationException">The run did not record episodes (<see cref="RunOptions.RecordEpisodes"/>).</exception>
    public static IEnumerable<(Episode Episode, DelayRecord Record)> Stays(Network network, ReplicationResult replication, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(replication);
        ArgumentNullException.ThrowIfNull(options);
        if (replication.Episodes is not { } episodes || replication.Waits is not { } waits)
        {
            throw new InvalidOperationException("delay figures need the episode log: run with RecordEpisodes = true.");
        }
        var settings = ServiceDelays.For(network);
        var waitsByStay = new Dictionary<(int, long, int), List<WaitSegment>>();
        foreach (var w in waits)
        {
            var key = (w.Stream, w.Patient, w.Visit);
            if (!waitsByStay.TryGetValue(key, out var list))
            {
                waitsByStay[key] = list = [];
            }
            list.Add(w);
        }
        var day0 = network.StartDate.ToDateTime(TimeOnly.MinValue);
        var children = network.ChildGroups.Select(g => IndexOf(network.Groups, g)).ToHashSet();
        return Iterate();

        IEnumerable<(Episode, DelayRecord)> Iterate()
        {
            foreach (var e in episodes)
            {
                var here = settings[e.Service];
                if (here.Beds == SitRepBeds.None || network.Services[e.Service].Role == ServiceRole.Resource)
                {
                    continue;
                }
                bool ready = e.Ready <= options.HorizonDays;
                var reasons = waitsByStay.TryGetValue((e.Stream, e.Patient, e.Visit), out var list)
                    ? list.Select(w => w.Choice
                        ? new ReasonChange(Time(day0, w.From), DelayReason.G, settings[w.Awaiting].ChoiceResponsible)
                        : new ReasonChange(Time(day0, w.From), settings[w.Awaiting].Reason,
                            settings[w.Awaiting].ResponsibleFor(options.Seed, replication.Replication, w.Stream, w.Patient, w.Visit))).ToList()
                    : [];
                yield return (e, new DelayRecord
                {
                    Service = network.Services[e.Service].Name,
                    Beds = here.Beds,
                    Adult = !children.Contains(e.Group),
                    Admitted = Time(day0, e.Start),
                    Ready = ready ? Time(day0, e.Ready) : null,
                    Exit = e.IsOpen ? null : Time(day0, e.Exit),
                    // A new stay in the same service is not a discharge.
                    Pathway = e.IsOpen || e.Next == e.Service ? null : PathwayOf(network, settings, e.Next),
                    Reasons = reasons,
                });
            }
        }
    }

    /// <summary>
    /// A counter for one replication of <paramref name="network"/> run with <paramref name="options"/>,
    /// to give to the engine: it counts the delays over the reporting horizon as the run goes.
    /// </summary>
    public static DelaySink Sink(Network network, RunOptions options, int replication)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        var (first, last) = Period(network, options);
        return new DelaySink(network, first, last, options.HorizonDays, options.Seed, replication);
    }

    /// <summary>The delay figures of one replication over its reporting horizon (whole days from the start date), counted from its episode log.</summary>
    public static DelayFigures Figures(Network network, ReplicationResult replication, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        var (first, last) = Period(network, options);
        var counter = new DelayCounter(first, last);
        counter.AddRange(Records(network, replication, options));
        return counter.Figures(network.Population?.Adults);
    }

    /// <summary>The reporting period in calendar days: the start date to the last whole day of the horizon.</summary>
    public static (DateOnly First, DateOnly Last) Period(Network network, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        int days = Math.Max(1, (int)Math.Floor(options.HorizonDays));
        return (network.StartDate, network.StartDate.AddDays(days - 1));
    }

    /// <summary>The pathway of a discharge to an exit: P0 unless the network says otherwise (null = not a discharge, e.g. died).</summary>
    internal static DischargePathway? ExitPathway(Network network, string exit) =>
        network.ExitPathways.TryGetValue(exit, out var pathway) ? pathway : DischargePathway.P0;

    private static DischargePathway? PathwayOf(Network network, IReadOnlyList<ServiceDelays> settings, int next)
    {
        if (next >= 0)
        {
            return settings[next].Pathway;
        }
        string exit = network.Exits[-next - 1];
        return ExitPathway(network, exit);
    }

    // To the tick (100 ns): a stay that ends within 50 ns of a midnight may fall either side of it.
    private static DateTime Time(DateTime day0, double days) => day0.AddTicks((long)Math.Round(days * TimeSpan.TicksPerDay));

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }
        return -1;
    }
}
