namespace Bedflow.Core.Model;

/// <summary>
/// A rate that is constant within each calendar day: base rate (which may change on given days)
/// × month-of-year factor × day-of-week factor. Factors average 1, so the base rate is the
/// long-run mean. The bound for thinning is the day's own rate, valid until the next midnight.
/// </summary>
public sealed class SeasonalRate : ArrivalRate
{
    private readonly double _initial;
    private readonly (double Day, double Rate)[] _changes;
    private readonly double[] _monthFactors;
    private readonly double[] _weekdayFactors;
    private readonly int _startDayNumber;

    /// <param name="startDate">The calendar date of day 0.</param>
    /// <param name="baseRate">Patients per day before the first change.</param>
    /// <param name="baseRateChanges">(day, new base rate) changes.</param>
    /// <param name="monthFactors">12 factors, January first, averaging 1; null = no monthly seasonality.</param>
    /// <param name="weekdayFactors">7 factors, Monday first, averaging 1; null = no weekly pattern.</param>
    public SeasonalRate(DateOnly startDate, double baseRate, IEnumerable<(double Day, double Rate)>? baseRateChanges = null,
        IReadOnlyList<double>? monthFactors = null, IReadOnlyList<double>? weekdayFactors = null)
    {
        _startDayNumber = startDate.DayNumber;
        _initial = Preconditions.NonNegative(baseRate, nameof(baseRate));
        _changes = [.. (baseRateChanges ?? []).OrderBy(c => c.Day)];
        foreach (var c in _changes)
        {
            Preconditions.NonNegative(c.Rate, nameof(baseRateChanges));
        }
        _monthFactors = Factors(monthFactors, 12, nameof(monthFactors));
        _weekdayFactors = Factors(weekdayFactors, 7, nameof(weekdayFactors));
    }

    /// <summary>The tolerance on "factors average 1".</summary>
    public const double FactorMeanTolerance = 0.01;

    private static double[] Factors(IReadOnlyList<double>? given, int count, string name)
    {
        if (given is null)
        {
            return [.. Enumerable.Repeat(1.0, count)];
        }
        Preconditions.Check(given.Count == count, name, $"{name} needs exactly {count} values, but got {given.Count}.");
        for (int i = 0; i < count; i++)
        {
            Preconditions.NonNegative(given[i], name);
        }
        double mean = given.Average();
        Preconditions.Check(Math.Abs(mean - 1) <= FactorMeanTolerance, name,
            $"{name} must average 1 (within {FactorMeanTolerance}), but average {Preconditions.Show(Math.Round(mean, 4))}.");
        // Normalise exactly, so the base rate is the long-run mean.
        return [.. given.Select(f => f / mean)];
    }

    /// <inheritdoc/>
    public override double At(double day)
    {
        double dayStart = Math.Floor(day);
        double rate = _initial;
        foreach (var c in _changes)
        {
            if (c.Day > dayStart)
            {
                break;
            }
            rate = c.Rate;
        }
        var date = DateOnly.FromDayNumber(_startDayNumber + (int)dayStart);
        // DayOfWeek has Sunday = 0; our factors start on Monday.
        int weekday = ((int)date.DayOfWeek + 6) % 7;
        return rate * _monthFactors[date.Month - 1] * _weekdayFactors[weekday];
    }

    /// <inheritdoc/>
    public override double Bound(double day, out double until)
    {
        until = Math.Floor(day) + 1;
        return At(day);
    }
}
