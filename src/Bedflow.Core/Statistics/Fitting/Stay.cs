namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// One patient's length of stay as the register shows it: <see cref="Days"/> from admission to
/// discharge (ready for transfer) when <see cref="IsCensored"/> is false, or the days so far of a
/// patient still in at the extract date (right-censored: the stay is at least that long) when it is
/// true. A plain value: nothing is checked when one is made (a reader builds them from user rows);
/// <see cref="StayFit.Problems"/> names every stay whose duration is not a finite number of days
/// greater than 0, and the fitting and <see cref="KaplanMeier"/> refuse them.
/// </summary>
/// <param name="Days">The length of stay, or the stay so far, in days.</param>
/// <param name="IsCensored">Whether the patient was still in at the extract date.</param>
public readonly record struct Stay(double Days, bool IsCensored)
{
    /// <summary>A stay that ended after <paramref name="days"/> days.</summary>
    public static Stay Completed(double days) => new(days, false);

    /// <summary>A patient still in at the extract date, <paramref name="days"/> days after admission.</summary>
    public static Stay StillIn(double days) => new(days, true);

    /// <summary>Whether the duration can be fitted: a finite number of days greater than 0.</summary>
    public bool IsValid => Days > 0 && double.IsFinite(Days);
}
