using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Delays;

/// <summary>One calendar month of <see cref="DelayFigures"/> (the part of it inside the period).</summary>
public sealed class MonthFigures
{
    private readonly DelayFigures _figures;

    internal MonthFigures(DelayFigures figures, int year, int month, DateOnly first, DateOnly last, DateOnly? snapshot)
    {
        _figures = figures;
        Year = year;
        Month = month;
        First = first;
        Last = last;
        SnapshotDate = snapshot;
    }

    /// <summary>Calendar year.</summary>
    public int Year { get; }

    /// <summary>Calendar month, 1–12.</summary>
    public int Month { get; }

    /// <summary>First day of the month inside the period.</summary>
    public DateOnly First { get; }

    /// <summary>Last day of the month inside the period.</summary>
    public DateOnly Last { get; }

    /// <summary>Days of the month inside the period.</summary>
    public int DaysCovered => Last.DayNumber - First.DayNumber + 1;

    /// <summary>Whether the whole month is inside the period.</summary>
    public bool IsComplete => First.Day == 1 && Last.Day == DateTime.DaysInMonth(Year, Month);

    /// <summary>The month's last Thursday, when it is inside the period; null otherwise.</summary>
    public DateOnly? SnapshotDate { get; }

    /// <summary>Delayed days in the month, optionally for one bed type, reason and organisation.</summary>
    public long DelayedDays(SitRepBeds? beds = null, DelayReason? reason = null, Responsibility? responsible = null) =>
        _figures.Sum(First, Last, Filter(beds, reason, responsible));

    /// <summary>"DTOC beds" (from April 2017): delayed days ÷ days of the month covered.</summary>
    public double DtocBeds(SitRepBeds? beds = null) => (double)DelayedDays(beds) / DaysCovered;

    /// <summary>Patients delayed at 24:00 on the last Thursday; 0 when the snapshot is outside the period (see <see cref="SnapshotDate"/>).</summary>
    public long SnapshotPatients(SitRepBeds? beds = null, DelayReason? reason = null, Responsibility? responsible = null) =>
        SnapshotDate is { } day ? _figures.Sum(day, day, Filter(beds, reason, responsible)) : 0;

    private static Func<SitRepBeds, DelayReason, Responsibility, bool> Filter(SitRepBeds? beds, DelayReason? reason, Responsibility? responsible) =>
        (b, r, o) => (beds is null || beds == b) && (reason is null || reason == r) && (responsible is null || responsible == o);
}
