using Bedflow.Core.Delays;
using Bedflow.Core.Model;

namespace Bedflow.Core.Calibration;

/// <summary>
/// How many of a service's beds the register's own stays held over time: a step function, each
/// stay counted from its admission to its exit (still in: to the end of the data). Complete from
/// the first moment every stay in a bed then is in the data (an extract holds every stay in a bed
/// at some time in its period). Immutable.
/// </summary>
public sealed class Occupancy
{
    private readonly DateTime[] _times;
    private readonly int[] _after;

    private Occupancy(DateTime[] times, int[] after)
    {
        _times = times;
        _after = after;
    }

    /// <summary>The occupancy of <paramref name="stays"/> (all of one service).</summary>
    public static Occupancy Of(IEnumerable<DelayRecord> stays)
    {
        ArgumentNullException.ThrowIfNull(stays);
        var changes = new SortedDictionary<DateTime, int>();
        foreach (var s in stays)
        {
            changes[s.Admitted] = changes.GetValueOrDefault(s.Admitted) + 1;
            if (s.Exit is { } x)
            {
                changes[x] = changes.GetValueOrDefault(x) - 1;
            }
        }
        var times = new DateTime[changes.Count];
        var after = new int[changes.Count];
        int i = 0, running = 0;
        foreach (var (t, d) in changes)
        {
            running += d;
            times[i] = t;
            after[i++] = running;
        }
        return new Occupancy(times, after);
    }

    /// <summary>The beds held at <paramref name="t"/>, after every admission and exit at that instant.</summary>
    public int At(DateTime t)
    {
        int i = Array.BinarySearch(_times, t);
        i = i >= 0 ? i : ~i - 1;
        return i < 0 ? 0 : _after[i];
    }

    /// <summary>
    /// The stretches of [<paramref name="from"/>, <paramref name="to"/>) at one occupancy and one
    /// capacity (<paramref name="capacity"/> in force from <paramref name="day0"/>, the scenario's
    /// start date): each with whether the service was full — every bed the scenario gives it held
    /// (a cut that left more patients than beds is full too).
    /// </summary>
    public IEnumerable<(DateTime From, DateTime To, bool Full)> Stretches(DateTime from, DateTime to, CapacitySchedule capacity, DateTime day0)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        var cuts = new SortedSet<DateTime> { from, to };
        int i = Array.BinarySearch(_times, from);
        for (i = i >= 0 ? i + 1 : ~i; i < _times.Length && _times[i] < to; i++)
        {
            cuts.Add(_times[i]);
        }
        foreach (var (day, _) in capacity.Changes)
        {
            var t = day0.AddDays(day);
            if (t > from && t < to)
            {
                cuts.Add(t);
            }
        }
        DateTime? start = null;
        foreach (var t in cuts)
        {
            if (start is { } s)
            {
                var c = capacity.At((s - day0).TotalDays);
                yield return (s, t, !c.IsUnlimited && At(s) >= c.Places);
            }
            start = t;
        }
    }
}
