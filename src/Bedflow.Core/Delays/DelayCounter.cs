using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Delays;

/// <summary>
/// Counts delayed days over a period of calendar days, record by record (a streaming
/// accumulator: records need not be kept). Not thread-safe.
/// </summary>
/// <remarks>
/// <para><b>A delayed day</b> is a midnight spent in a SitRep bed while ready for transfer: the
/// midnight that ends calendar day D (D 24:00) counts for day D — and so for D's month — when
/// ready &lt; D 24:00 ≤ exit. A patient ready at 10:00 on Monday who leaves at 09:00 on Tuesday
/// has one delayed day, Monday's. One ready at exactly 24:00 is not delayed that midnight; one
/// leaving at exactly 24:00 is. The number of delayed days of a whole stay is therefore the
/// number of calendar days from the ready date to the exit date (0 when they are the same date).</para>
/// <para>The reason and organisation of a delayed day are those in force just before its midnight
/// (the last reason change before it).</para>
/// <para><b>The snapshot</b> of a month counts the patients delayed at 24:00 on its last Thursday,
/// which is that Thursday's delayed-day count.</para>
/// </remarks>
public sealed class DelayCounter
{
    private static readonly int ReasonCount = SitRep.Reasons.Count;
    private static readonly int ResponsibilityCount = SitRep.Responsibilities.Count;

    /// <summary>Counting cells a day: the SitRep's bed types (acute, non-acute — not None) × reasons × responsibilities, from the enums.</summary>
    internal static readonly int Cells = (Enum.GetValues<SitRepBeds>().Length - 1) * ReasonCount * ResponsibilityCount;

    private readonly int[] _days; // [day × Cells + cell]
    private readonly long[] _pathways = new long[Enum.GetValues<DischargePathway>().Length];
    private readonly long[] _bands = new long[Enum.GetValues<DelayBand>().Length];
    private long _discharges, _dischargeDelayDays;

    /// <summary>Counts delays on the calendar days <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public DelayCounter(DateOnly first, DateOnly last)
    {
        Preconditions.Check(last >= first, nameof(last), $"the last day ({last:yyyy-MM-dd}) must not be before the first ({first:yyyy-MM-dd}).");
        First = first;
        Last = last;
        DayCount = last.DayNumber - first.DayNumber + 1;
        _days = new int[DayCount * Cells];
    }

    /// <summary>First day counted.</summary>
    public DateOnly First { get; }

    /// <summary>Last day counted (inclusive).</summary>
    public DateOnly Last { get; }

    /// <summary>Days in the period.</summary>
    public int DayCount { get; }

    /// <summary>
    /// Counts one record: its delayed days inside the period and, when it left a SitRep bed
    /// inside the period on a discharge pathway, its discharge. Children and beds that do not
    /// count for the SitRep are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">A record delayed for a day or more with no reason (a bug in whoever made it).</exception>
    public void Add(DelayRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.Adult || record.Beds == SitRepBeds.None || record.Ready is not { } ready)
        {
            return;
        }
        if (record.Exit is { } exit && exit < ready)
        {
            throw new ArgumentException($"a record of {record.Service} leaves ({exit:O}) before it is ready ({ready:O}).", nameof(record));
        }
        var readyDate = DateOnly.FromDateTime(ready);
        // Days whose midnight is passed while ready: ready date … exit date − 1 (or to the end of the period if still there).
        int from = Math.Max(readyDate.DayNumber, First.DayNumber);
        int to = record.Exit is { } x ? Math.Min(DateOnly.FromDateTime(x).DayNumber - 1, Last.DayNumber) : Last.DayNumber;
        if (from <= to)
        {
            if (record.Reasons.Count == 0)
            {
                throw new ArgumentException($"a record of {record.Service} is delayed from {ready:O} but gives no reason.", nameof(record));
            }
            for (int k = 1; k < record.Reasons.Count; k++)
            {
                if (record.Reasons[k].From < record.Reasons[k - 1].From)
                {
                    throw new ArgumentException($"the reasons of a record of {record.Service} are not in time order.", nameof(record));
                }
            }
            int bedsOffset = record.Beds == SitRepBeds.Acute ? 0 : ReasonCount * ResponsibilityCount;
            int change = 0;
            var reasons = record.Reasons;
            for (int day = from; day <= to; day++)
            {
                var midnight = DateOnly.FromDayNumber(day + 1).ToDateTime(TimeOnly.MinValue);
                while (change + 1 < reasons.Count && reasons[change + 1].From < midnight)
                {
                    change++;
                }
                var r = reasons[change];
                _days[((day - First.DayNumber) * Cells) + bedsOffset + ((int)r.Reason * ResponsibilityCount) + (int)r.Responsible]++;
            }
        }
        if (record.Exit is { } left && record.Pathway is { } pathway)
        {
            var exitDate = DateOnly.FromDateTime(left);
            if (exitDate >= First && exitDate <= Last)
            {
                int delay = exitDate.DayNumber - readyDate.DayNumber;
                _discharges++;
                _pathways[(int)pathway]++;
                _bands[(int)SitRep.Band(delay)]++;
                _dischargeDelayDays += delay;
            }
        }
    }

    /// <summary>Counts every record.</summary>
    public void AddRange(IEnumerable<DelayRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var r in records)
        {
            Add(r);
        }
    }

    /// <summary>The figures so far. <paramref name="adults"/> (people aged 18+) gives the rates; null leaves them NaN.</summary>
    public DelayFigures Figures(int? adults = null) =>
        new(First, Last, (int[])_days.Clone(), (long[])_pathways.Clone(), (long[])_bands.Clone(), _discharges, _dischargeDelayDays, adults);
}
