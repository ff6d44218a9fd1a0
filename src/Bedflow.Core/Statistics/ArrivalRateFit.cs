using Bedflow.Core.Model;
using Bedflow.Core.Units;
using MathNet.Numerics.Distributions;

namespace Bedflow.Core.Statistics;

/// <summary>
/// Daily arrivals fitted as Poisson counts with a multiplicative month-of-year and day-of-week
/// pattern, count on day d ~ Poisson(base × month factor × weekday factor), by maximum
/// likelihood (docs/calibration.md, "Arrival rates"). Factors follow <see cref="SeasonalRate"/>'s
/// convention — 12 month factors January first and 7 weekday factors Monday first, each set
/// averaging 1 — so <see cref="ToSeasonalRate"/> gives the model's arrival rate. Each has a 95%
/// interval from the Fisher information by the delta method, on the log scale (so it stays
/// positive), widened by √<see cref="Dispersion"/> when the counts are over-dispersed. Immutable.
/// </summary>
public sealed record ArrivalRateFit
{
    /// <summary>The p-value below which Pearson's χ² test calls the counts over-dispersed.</summary>
    public const double OverdispersionLevel = 0.05;

    internal ArrivalRateFit(FittedValue baseRate, IReadOnlyList<FittedValue> monthFactors, IReadOnlyList<FittedValue> weekdayFactors,
        int days, long arrivals, double pearsonChiSquare, int degreesOfFreedom)
    {
        BaseRate = baseRate;
        MonthFactors = monthFactors;
        WeekdayFactors = weekdayFactors;
        Days = days;
        Arrivals = arrivals;
        PearsonChiSquare = pearsonChiSquare;
        DegreesOfFreedom = degreesOfFreedom;
        Dispersion = degreesOfFreedom > 0 ? pearsonChiSquare / degreesOfFreedom : double.NaN;
        DispersionPValue = degreesOfFreedom > 0 ? 1 - ChiSquared.CDF(degreesOfFreedom, pearsonChiSquare) : double.NaN;
        Overdispersed = DispersionPValue < OverdispersionLevel;
    }

    /// <summary>The base rate, patients a day: the rate of a day whose month and weekday factors are both 1.</summary>
    public FittedValue BaseRate { get; }

    /// <summary>
    /// 12 month factors, January first, averaging 1. A month with no day in the data is 1 by
    /// convention, <see cref="FittedValue.Absent"/>, with no interval; the months with data then
    /// average 1 among themselves. A month with days but no arrival is 0, with an upper bound only.
    /// </summary>
    public IReadOnlyList<FittedValue> MonthFactors { get; }

    /// <summary>7 weekday factors, Monday first, averaging 1; absent and zero weekdays as for <see cref="MonthFactors"/>.</summary>
    public IReadOnlyList<FittedValue> WeekdayFactors { get; }

    /// <summary>How many days had a count.</summary>
    public int Days { get; }

    /// <summary>The arrivals counted over those days.</summary>
    public long Arrivals { get; }

    /// <summary>Pearson's χ² = Σ (count − fitted)² ÷ fitted over the days.</summary>
    public double PearsonChiSquare { get; }

    /// <summary>Its degrees of freedom: days less the parameters fitted (NaN dispersion when not above 0).</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>Pearson χ² ÷ degrees of freedom: about 1 for Poisson counts, above 1 when days vary more than Poisson counts do.</summary>
    public double Dispersion { get; }

    /// <summary>The chance of a χ² at least this large were the counts Poisson with these factors.</summary>
    public double DispersionPValue { get; }

    /// <summary>
    /// Whether the counts are over-dispersed (<see cref="DispersionPValue"/> below
    /// <see cref="OverdispersionLevel"/>); the intervals are then quasi-Poisson, widened by
    /// √<see cref="Dispersion"/>, and a Poisson arrival process understates the day-to-day spread.
    /// </summary>
    public bool Overdispersed { get; }

    /// <summary>The fitted rate as the model's arrival rate from <paramref name="startDate"/> (day 0).</summary>
    public SeasonalRate ToSeasonalRate(DateOnly startDate) =>
        new(startDate, RatePerDay.Of(BaseRate.Value), null, [.. MonthFactors.Select(f => f.Value)], [.. WeekdayFactors.Select(f => f.Value)]);

    /// <summary>
    /// Fits daily arrival counts: <paramref name="dailyCounts"/>[i] is the count on
    /// <paramref name="firstDay"/> + i days, null for a day not recorded (left out, not taken as 0).
    /// </summary>
    /// <exception cref="ArgumentException">A problem <see cref="Problems"/> would report (check values from a user first).</exception>
    public static ArrivalRateFit Of(DateOnly firstDay, IReadOnlyList<int?> dailyCounts)
    {
        ArgumentNullException.ThrowIfNull(dailyCounts);
        foreach (string problem in PoissonFactorFit.Checks(firstDay, dailyCounts).Take(1))
        {
            throw new ArgumentException(problem, nameof(dailyCounts));
        }
        return PoissonFactorFit.Fit(firstDay, dailyCounts);
    }

    /// <summary>
    /// Every reason the counts cannot be fitted, in words for the user: a negative count, no day
    /// with a count, no arrival at all, or days that cannot tell a month's effect from a weekday's.
    /// Empty when <see cref="Of"/> accepts them.
    /// </summary>
    public static IReadOnlyList<string> Problems(DateOnly firstDay, IReadOnlyList<int?> dailyCounts)
    {
        ArgumentNullException.ThrowIfNull(dailyCounts);
        return [.. PoissonFactorFit.Checks(firstDay, dailyCounts)];
    }
}
