using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Delays;

/// <summary>
/// Delay figures over a period of calendar days, as the NHS counts them: delayed days by month,
/// reason, responsible organisation and bed type; the last-Thursday snapshots; rates per adult
/// population; and today's discharge measures. Definitions: <see cref="DelayCounter"/> and
/// docs/results-reference.md. Immutable. Two figures are equal when they count the same period,
/// population and discharges and every day's cells hold the same counts.
/// </summary>
public sealed class DelayFigures : IEquatable<DelayFigures>
{
    private static readonly int ReasonCount = SitRep.Reasons.Count;
    private static readonly int ResponsibilityCount = SitRep.Responsibilities.Count;
    private readonly int[] _days;
    private readonly long[] _pathways;
    private readonly long[] _bands;
    private readonly long _dischargeDelayDays;

    internal DelayFigures(DateOnly first, DateOnly last, int[] days, long[] pathways, long[] bands, long discharges, long dischargeDelayDays, int? adults)
    {
        First = first;
        Last = last;
        DayCount = last.DayNumber - first.DayNumber + 1;
        _days = days;
        _pathways = pathways;
        _bands = bands;
        Discharges = discharges;
        _dischargeDelayDays = dischargeDelayDays;
        Adults = adults;
        MeanDelayPerDischarge = discharges == 0 ? double.NaN : (double)dischargeDelayDays / discharges;
        var months = new List<MonthFigures>();
        for (var m = new DateOnly(first.Year, first.Month, 1); m <= last; m = m.AddMonths(1))
        {
            var start = m < first ? first : m;
            var monthEnd = m.AddMonths(1).AddDays(-1);
            var end = monthEnd > last ? last : monthEnd;
            var thursday = SitRep.LastThursday(m.Year, m.Month);
            bool hasSnapshot = thursday >= first && thursday <= last;
            months.Add(new MonthFigures(this, m.Year, m.Month, start, end, hasSnapshot ? thursday : null));
        }
        Months = months;
        TotalDays = Sum(first, last, (_, _, _) => true);
    }

    /// <summary>First day of the period.</summary>
    public DateOnly First { get; }

    /// <summary>Last day of the period (inclusive).</summary>
    public DateOnly Last { get; }

    /// <summary>Days in the period.</summary>
    public int DayCount { get; }

    /// <summary>Adults (18+) in the population, if given.</summary>
    public int? Adults { get; }

    /// <summary>Each calendar month the period touches, in order.</summary>
    public IReadOnlyList<MonthFigures> Months { get; }

    /// <summary>Delayed days in the period.</summary>
    public long TotalDays { get; }

    /// <summary>Delayed days per year: total × 365.25 ÷ days in period (<see cref="Units.YearLength.PerYear"/>).</summary>
    public double DaysPerYear => Units.YearLength.PerYear(TotalDays, DayCount);

    /// <summary>Mean patients delayed per day (delayed days ÷ days in period) — "DTOC beds" over the period.</summary>
    public double MeanDelayed => (double)TotalDays / DayCount;

    /// <summary>Delayed days per 1,000 adults per year (the 2012 Oxfordshire comparison); NaN without a population.</summary>
    public double DaysPer1000AdultsPerYear => Adults is > 0 and int a ? DaysPerYear / a * 1000 : double.NaN;

    /// <summary>Average delayed patients per 100,000 adults (ASCOF 2C); NaN without a population.</summary>
    public double DelayedPer100kAdults => Adults is > 0 and int a ? MeanDelayed / a * 100_000 : double.NaN;

    /// <summary>Mean of the monthly snapshots (patients delayed at 24:00 on the last Thursday) over the months whose snapshot falls in the period; NaN if none does.</summary>
    public double MeanSnapshot
    {
        get
        {
            var snaps = Months.Where(m => m.SnapshotDate is not null).ToList();
            return snaps.Count == 0 ? double.NaN : snaps.Average(m => (double)m.SnapshotPatients());
        }
    }

    /// <summary>Patients delayed at the midnight ending each day of the period (all reasons, both bed types).</summary>
    public int DelayedOn(DateOnly day) => (int)Sum(day, day, (_, _, _) => true);

    /// <summary>Patients delayed for one reason at the midnight ending a day of the period (both bed types).</summary>
    public int DelayedOn(DateOnly day, DelayReason reason) => (int)Sum(day, day, (_, r, _) => r == reason);

    /// <summary>Delayed days in the period for one reason.</summary>
    public long Days(DelayReason reason) => Sum(First, Last, (_, r, _) => r == reason);

    /// <summary>Delayed days in the period for one responsible organisation.</summary>
    public long Days(Responsibility responsible) => Sum(First, Last, (_, _, o) => o == responsible);

    /// <summary>Delayed days in the period in one bed type.</summary>
    public long Days(SitRepBeds beds) => Sum(First, Last, (b, _, _) => b == beds);

    /// <summary>Discharges from SitRep beds on a pathway, with the exit inside the period.</summary>
    public long Discharges { get; }

    /// <summary>Discharges on one pathway.</summary>
    public long DischargesOn(DischargePathway pathway) => _pathways[(int)pathway];

    /// <summary>Discharges whose delay (days from discharge-ready date to discharge) falls in the band.</summary>
    public long DischargesIn(DelayBand band) => _bands[(int)band];

    /// <summary>Share of discharges made on the discharge-ready date; NaN with none.</summary>
    public double ShareDischargedOnReadyDate => Discharges == 0 ? double.NaN : (double)_bands[(int)DelayBand.Zero] / Discharges;

    /// <summary>Mean days from discharge-ready date to discharge, over discharges; NaN with none.</summary>
    public double MeanDelayPerDischarge { get; }

    /// <summary>Whether <paramref name="other"/> holds exactly the same counts (day by day and cell by cell) over the same period.</summary>
    public bool Equals(DelayFigures? other) =>
        other is not null && First == other.First && Last == other.Last && Adults == other.Adults && Discharges == other.Discharges
        && _dischargeDelayDays == other._dischargeDelayDays && _days.AsSpan().SequenceEqual(other._days)
        && _pathways.AsSpan().SequenceEqual(other._pathways) && _bands.AsSpan().SequenceEqual(other._bands);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DelayFigures);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(First, Last, TotalDays, Discharges, _dischargeDelayDays);

    /// <summary>Equal counts (<see cref="Equals(DelayFigures)"/>).</summary>
    public static bool operator ==(DelayFigures? left, DelayFigures? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Different counts.</summary>
    public static bool operator !=(DelayFigures? left, DelayFigures? right) => !(left == right);

    /// <summary>The first day (within the period) whose cells differ from <paramref name="other"/>'s, for messages; null when none does.</summary>
    public DateOnly? FirstDifferentDay(DelayFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var day = First; day <= Last && day <= other.Last; day = day.AddDays(1))
        {
            int a = (day.DayNumber - First.DayNumber) * DelayCounter.Cells, b = (day.DayNumber - other.First.DayNumber) * DelayCounter.Cells;
            if (b < 0 || !_days.AsSpan(a, DelayCounter.Cells).SequenceEqual(other._days.AsSpan(b, DelayCounter.Cells)))
            {
                return day;
            }
        }
        return null;
    }

    /// <summary>Delayed days on days <paramref name="from"/>–<paramref name="to"/> (clipped to the period) in the cells the filter keeps.</summary>
    internal long Sum(DateOnly from, DateOnly to, Func<SitRepBeds, DelayReason, Responsibility, bool> keep)
    {
        int a = Math.Max(from.DayNumber, First.DayNumber) - First.DayNumber;
        int b = Math.Min(to.DayNumber, Last.DayNumber) - First.DayNumber;
        long sum = 0;
        for (int cell = 0; cell < DelayCounter.Cells; cell++)
        {
            var beds = cell < ReasonCount * ResponsibilityCount ? SitRepBeds.Acute : SitRepBeds.NonAcute;
            int rest = cell % (ReasonCount * ResponsibilityCount);
            if (!keep(beds, (DelayReason)(rest / ResponsibilityCount), (Responsibility)(rest % ResponsibilityCount)))
            {
                continue;
            }
            for (int d = a; d <= b; d++)
            {
                sum += _days[(d * DelayCounter.Cells) + cell];
            }
        }
        return sum;
    }
}
