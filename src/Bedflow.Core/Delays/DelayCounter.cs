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
        int readyDay = DateOnly.FromDateTime(ready).DayNumber;
        // Days whose midnight is passed while ready: ready date … exit date − 1 (or to the end of the period if still there).
        int lastDelayed = record.Exit is { } x ? DateOnly.FromDateTime(x).DayNumber - 1 : int.MaxValue;
        if (Math.Max(readyDay, First.DayNumber) <= Math.Min(lastDelayed, Last.DayNumber))
        {
            var reasons = record.Reasons;
            if (reasons.Count == 0)
            {
                throw new ArgumentException($"a record of {record.Service} is delayed from {ready:O} but gives no reason.", nameof(record));
            }
            for (int k = 1; k < reasons.Count; k++)
            {
                if (reasons[k].From < reasons[k - 1].From)
                {
                    throw new ArgumentException($"the reasons of a record of {record.Service} are not in time order.", nameof(record));
                }
            }
            int beds = BedsOffset(record.Beds);
            for (int k = 0; k < reasons.Count; k++)
            {
                // Reason k holds from its own date (the first from the ready date) to the day before the next reason's date.
                int from = k == 0 ? readyDay : DateOnly.FromDateTime(reasons[k].From).DayNumber;
                int to = k + 1 < reasons.Count ? DateOnly.FromDateTime(reasons[k + 1].From).DayNumber - 1 : lastDelayed;
                CountDays(beds + Cell(reasons[k].Reason, reasons[k].Responsible), Math.Max(from, readyDay), Math.Min(to, lastDelayed));
            }
        }
        if (record.Exit is { } left && record.Pathway is { } pathway)
        {
            CountDischarge(readyDay, DateOnly.FromDateTime(left).DayNumber, pathway);
        }
    }

    /// <summary>The offset of a bed type's cells within a day (acute first, then non-acute).</summary>
    internal static int BedsOffset(SitRepBeds beds) => beds == SitRepBeds.Acute ? 0 : ReasonCount * ResponsibilityCount;

    /// <summary>The cell of a reason and organisation within a bed type's cells.</summary>
    internal static int Cell(DelayReason reason, Responsibility responsible) => ((int)reason * ResponsibilityCount) + (int)responsible;

    /// <summary>
    /// Counts one delayed day in <paramref name="cell"/> for each calendar day (a day number) from
    /// <paramref name="fromDay"/> to <paramref name="toDay"/> inclusive that lies in the period: the
    /// midnights that end those days were passed while ready, for this reason. The one counting rule
    /// for records and for a simulation counted as it runs.
    /// </summary>
    internal void CountDays(int cell, int fromDay, int toDay)
    {
        int from = Math.Max(fromDay, First.DayNumber);
        int to = Math.Min(toDay, Last.DayNumber);
        for (int day = from; day <= to; day++)
        {
            _days[((day - First.DayNumber) * Cells) + cell]++;
        }
    }

    /// <summary>Counts a discharge on a pathway, from a patient ready on <paramref name="readyDay"/> who left on <paramref name="exitDay"/> (day numbers), if it left inside the period.</summary>
    internal void CountDischarge(int readyDay, int exitDay, DischargePathway pathway)
    {
        if (exitDay >= First.DayNumber && exitDay <= Last.DayNumber)
        {
            int delay = exitDay - readyDay;
            _discharges++;
            _pathways[(int)pathway]++;
            _bands[(int)SitRep.Band(delay)]++;
            _dischargeDelayDays += delay;
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

    /// <summary>
    /// The figures, handing this counter's tables over to them instead of copying (a day table of
    /// a ten-year run is about a megabyte): the caller must count nothing more with this counter.
    /// </summary>
    internal DelayFigures HandOver(int? adults) =>
        new(First, Last, _days, _pathways, _bands, _discharges, _dischargeDelayDays, adults);

    /// <summary>The figures so far. <paramref name="adults"/> (people aged 18+) gives the rates; null leaves them NaN.</summary>
    public DelayFigures Figures(int? adults = null) =>
        new(First, Last, (int[])_days.Clone(), (long[])_pathways.Clone(), (long[])_bands.Clone(), _discharges, _dischargeDelayDays, adults);
}
