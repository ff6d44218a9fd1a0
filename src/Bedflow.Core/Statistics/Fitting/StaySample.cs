using System.Runtime.InteropServices;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// Stays reduced to what the likelihood and the Kaplan–Meier estimate need: the distinct completed
/// and censored durations, ascending, each with its count and logarithm, and the sums that the
/// families' likelihoods use over and over. Made once per fit in O(n log n) (one sort of each kind);
/// afterwards every likelihood costs O(distinct durations), so stays recorded in whole days cost
/// little however many there are. Immutable after construction.
/// </summary>
internal sealed class StaySample
{
    private StaySample(double[] eventTimes, int[] eventCounts, double[] censorTimes, int[] censorCounts)
    {
        EventTimes = eventTimes;
        EventCounts = eventCounts;
        CensorTimes = censorTimes;
        CensorCounts = censorCounts;
        EventLogs = Logs(eventTimes);
        CensorLogs = Logs(censorTimes);
        long events = 0, censored = 0;
        double sumTime = 0, sumLog = 0;
        for (int i = 0; i < eventTimes.Length; i++)
        {
            events += eventCounts[i];
            sumTime += eventCounts[i] * eventTimes[i];
            sumLog += eventCounts[i] * EventLogs[i];
        }
        double censoredTime = 0;
        for (int i = 0; i < censorTimes.Length; i++)
        {
            censored += censorCounts[i];
            censoredTime += censorCounts[i] * censorTimes[i];
        }
        Events = events;
        Censored = censored;
        EventTime = sumTime;
        TotalTime = sumTime + censoredTime;
        MeanEventLog = events > 0 ? sumLog / events : double.NaN;
        MeanEventTime = events > 0 ? sumTime / events : double.NaN;
        double ssLog = 0, ssTime = 0;
        for (int i = 0; i < eventTimes.Length; i++)
        {
            double dl = EventLogs[i] - MeanEventLog, dt = eventTimes[i] - MeanEventTime;
            ssLog += eventCounts[i] * dl * dl;
            ssTime += eventCounts[i] * dt * dt;
        }
        EventLogSquares = ssLog;
        EventTimeVariance = events > 1 ? ssTime / (events - 1) : double.NaN;
        EventLogSum = sumLog;
        MaxTime = Math.Max(eventTimes.Length > 0 ? eventTimes[^1] : 0, censorTimes.Length > 0 ? censorTimes[^1] : 0);
    }

    /// <summary>Distinct completed durations, ascending.</summary>
    public double[] EventTimes { get; }

    /// <summary>How many stays ended at each of <see cref="EventTimes"/>.</summary>
    public int[] EventCounts { get; }

    /// <summary>ln of each of <see cref="EventTimes"/>.</summary>
    public double[] EventLogs { get; }

    /// <summary>Distinct censored durations, ascending.</summary>
    public double[] CensorTimes { get; }

    /// <summary>How many patients were still in at each of <see cref="CensorTimes"/>.</summary>
    public int[] CensorCounts { get; }

    /// <summary>ln of each of <see cref="CensorTimes"/>.</summary>
    public double[] CensorLogs { get; }

    /// <summary>Completed stays.</summary>
    public long Events { get; }

    /// <summary>Censored stays.</summary>
    public long Censored { get; }

    /// <summary>All stays.</summary>
    public long Count => Events + Censored;

    /// <summary>Days of the completed stays together.</summary>
    public double EventTime { get; }

    /// <summary>Days of every stay together, censored ones to the extract date.</summary>
    public double TotalTime { get; }

    /// <summary>Σ ln t over completed stays.</summary>
    public double EventLogSum { get; }

    /// <summary>Mean ln t of the completed stays.</summary>
    public double MeanEventLog { get; }

    /// <summary>Σ (ln t − mean ln t)² over completed stays.</summary>
    public double EventLogSquares { get; }

    /// <summary>Mean of the completed stays (ignoring censoring: for starting values only).</summary>
    public double MeanEventTime { get; }

    /// <summary>Sample variance of the completed stays (ignoring censoring: for starting values only).</summary>
    public double EventTimeVariance { get; }

    /// <summary>The longest duration, completed or censored.</summary>
    public double MaxTime { get; }

    /// <summary>
    /// The sample of two lists of durations, which it sorts in place (no copy of the data). The
    /// caller has checked each is a finite number greater than 0.
    /// </summary>
    public static StaySample From(List<double> completed, List<double> censored)
    {
        completed.Sort();
        censored.Sort();
        var (et, ec) = Distinct(CollectionsMarshal.AsSpan(completed));
        var (ct, cc) = Distinct(CollectionsMarshal.AsSpan(censored));
        return new StaySample(et, ec, ct, cc);
    }

    private static (double[] Times, int[] Counts) Distinct(ReadOnlySpan<double> sorted)
    {
        int distinct = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }
        var times = new double[distinct];
        var counts = new int[distinct];
        int k = -1;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                times[++k] = sorted[i];
            }
            counts[k]++;
        }
        return (times, counts);
    }

    private static double[] Logs(double[] times)
    {
        var logs = new double[times.Length];
        for (int i = 0; i < times.Length; i++)
        {
            logs[i] = Math.Log(times[i]);
        }
        return logs;
    }
}
