using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Optimisation;

/// <summary>
/// What simulating one allocation gave, replication by replication, in plain numbers: all a search
/// needs to judge it again without simulating it again (a state file holds these, so a stopped
/// search resumes where it was). Replication i of every record saw the same patients (common random
/// numbers). Immutable.
/// </summary>
/// <param name="Amounts">The allocation's amounts, one per lever.</param>
/// <param name="DelayedDays">Delayed days a year, per replication.</param>
/// <param name="AcuteDelayedDays">Delayed days a year in acute beds (the SitRep's acute split), per replication.</param>
/// <param name="UnmetPounds">The price of the unmet demand the costing prices a year (electives turned away, hours waited for an acute bed), per replication; 0 without prices.</param>
/// <param name="Harms">Each harm measure's value per replication (NaN where it has no meaning).</param>
/// <param name="Unstable">Whether the flow balance overloads a service (the same in every replication); the rest of stability is judged on the replications asked for (<see cref="UnstableIn"/>).</param>
public sealed record CandidateRecord(IReadOnlyList<int> Amounts, IReadOnlyList<double> DelayedDays, IReadOnlyList<double> AcuteDelayedDays,
    IReadOnlyList<double> UnmetPounds, IReadOnlyDictionary<HarmMeasure, IReadOnlyList<double>> Harms, bool Unstable)
{
    /// <summary>Per replication: whether a deadlock lasted to its end. Empty when not known (then none did).</summary>
    public IReadOnlyList<bool> Deadlocked { get; init; } = [];

    /// <summary>Per service, per replication: the queue's growth over the period (patients). Empty when not known.</summary>
    public IReadOnlyList<IReadOnlyList<double>> QueueGrowth { get; init; } = [];

    /// <summary>Per service, per replication: patients admitted a day. Empty when not known.</summary>
    public IReadOnlyList<IReadOnlyList<double>> AdmittedPerDay { get; init; } = [];

    /// <summary>
    /// Whether the allocation is unstable judged on its first <paramref name="n"/> replications only —
    /// as <see cref="Experiments.Stability"/> judges a run of those: the flow balance overloads a
    /// service, a deadlock lasts to the end of one, or a service's queue grows (or falls) materially
    /// and clear of 0 over them. The same answer however the replications were run or resumed.
    /// </summary>
    public bool UnstableIn(int n)
    {
        if (Unstable || Deadlocked.Take(n).Any(d => d))
        {
            return true;
        }
        for (int j = 0; j < QueueGrowth.Count; j++)
        {
            var growth = Statistics.Estimate.Of(QueueGrowth[j].Take(n));
            if (Experiments.Stability.Grows(growth, AdmittedPerDay[j].Take(n).Average()))
            {
                return true;
            }
        }
        return false;
    }
    /// <summary>Replications held.</summary>
    public int Replications => DelayedDays.Count;

    /// <summary>The allocation.</summary>
    public Allocation Allocation => new(Amounts);

    /// <summary>The record of a variant's run (replications in order), pricing unmet demand with <paramref name="prices"/> when given.</summary>
    public static CandidateRecord Of(Allocation allocation, VariantResult result, PriceList? prices)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(result);
        var delays = result.Run.Delays ?? throw new ArgumentException("the run did not count delays.", nameof(result));
        int n = result.Run.Replications.Count;
        var unmet = new double[n];
        for (int i = 0; i < n && prices is not null; i++)
        {
            // The unmet demand the costing prices (prices.unmet), a year: electives turned away and hours waited for an acute bed.
            double electives = result.Harms.In(HarmMeasure.ElectivesTurnedAway, i);
            double hours = result.Harms.In(HarmMeasure.HoursWaitedForAcuteBed, i);
            unmet[i] = (double)prices.ElectiveTurnedAwayPrice.Pounds * (double.IsNaN(electives) ? 0 : electives)
                + (double)prices.Unmet.HourWaitingForBed.Pounds * (double.IsNaN(hours) ? 0 : hours);
        }
        var harms = Enum.GetValues<HarmMeasure>().ToDictionary(m => m, m => (IReadOnlyList<double>)[.. Enumerable.Range(0, n).Select(i => result.Harms.In(m, i))]);
        var run = result.Run;
        var growth = Experiments.Stability.GrowthByReplication(result.Network, run);
        return new CandidateRecord(allocation.Amounts, [.. delays.Replications.Select(d => d.DaysPerYear)],
            [.. delays.Replications.Select(d => Units.YearLength.PerYear(d.Days(SitRepBeds.Acute), d.DayCount))], unmet, harms, result.Stability.OverCapacity.Count > 0)
        {
            Deadlocked = [.. run.Replications.Select(r => r.Deadlocks.Any(d => d.ReleasedOn is null))],
            QueueGrowth = [.. growth.Select(g => (IReadOnlyList<double>)g)],
            AdmittedPerDay = growth.Length == 0 ? []
                : [.. Enumerable.Range(0, result.Network.Services.Count).Select(j => (IReadOnlyList<double>)[.. run.Replications.Select(r => r.Get(j, Simulation.ServiceMetric.Admissions) / run.Options.HorizonDays)])],
        };
    }

    /// <summary>This record followed by <paramref name="more"/>'s replications (the next ones, of the same allocation); unstable if either was.</summary>
    public CandidateRecord Then(CandidateRecord more)
    {
        ArgumentNullException.ThrowIfNull(more);
        Preconditions.Check(more.Amounts.SequenceEqual(Amounts), nameof(more), "must be of the same allocation.");
        return new CandidateRecord(Amounts, [.. DelayedDays, .. more.DelayedDays], [.. AcuteDelayedDays, .. more.AcuteDelayedDays], [.. UnmetPounds, .. more.UnmetPounds],
            Harms.ToDictionary(h => h.Key, h => (IReadOnlyList<double>)[.. h.Value, .. more.Harms[h.Key]]), Unstable || more.Unstable)
        {
            Deadlocked = [.. Deadlocked, .. more.Deadlocked],
            QueueGrowth = [.. QueueGrowth.Zip(more.QueueGrowth, (a, b) => (IReadOnlyList<double>)[.. a, .. b])],
            AdmittedPerDay = [.. AdmittedPerDay.Zip(more.AdmittedPerDay, (a, b) => (IReadOnlyList<double>)[.. a, .. b])],
        };
    }

    /// <summary>Every problem that makes this record unusable for <paramref name="levers"/> levers; empty when it is sound.</summary>
    public IReadOnlyList<string> Problems(int levers)
    {
        var problems = new List<string>();
        int n = DelayedDays.Count;
        if (Amounts.Count != levers)
        {
            problems.Add($"it has {Amounts.Count} amounts for {levers} levers");
        }
        if (n == 0)
        {
            problems.Add("it has no replications");
        }
        if (AcuteDelayedDays.Count != n || UnmetPounds.Count != n)
        {
            problems.Add("its series are of different lengths");
        }
        foreach (var m in Enum.GetValues<HarmMeasure>())
        {
            if (!Harms.TryGetValue(m, out var values) || values.Count != n)
            {
                problems.Add($"its harm {m} is missing or of another length");
            }
        }
        if ((Deadlocked.Count != 0 && Deadlocked.Count != n) || QueueGrowth.Count != AdmittedPerDay.Count
            || QueueGrowth.Concat(AdmittedPerDay).Any(s => s.Count != n || s.Any(v => !double.IsFinite(v))))
        {
            problems.Add("its stability series are of other lengths or not finite");
        }
        if (DelayedDays.Concat(AcuteDelayedDays).Concat(UnmetPounds).Any(v => !double.IsFinite(v) || v < 0))
        {
            problems.Add("it holds a value that is not a finite number of 0 or more");
        }
        return problems;
    }
}
