using Bedflow.Core.Units;

namespace Bedflow.Core.Model;

/// <summary>
/// A rate that is constant within each calendar day: base rate (which may change on given days)
/// × month-of-year factor × day-of-week factor. Factors average 1, so the base rate is the
/// long-run mean. The bound for thinning is the day's own rate, valid until the next midnight.
/// </summary>
public sealed class SeasonalRate : ArrivalRate
{
    private readonly double _initial;
    private readonly (double Day, double Rate)[] _changes; // the rates as plain numbers, for the thinning loop
    private readonly (double Day, RatePerDay Rate)[] _given;
    private readonly double[] _monthFactors;
    private readonly double[] _weekdayFactors;
    private readonly int _startDayNumber;

    /// <param name="startDate">The calendar date of day 0.</param>
    /// <param name="baseRate">Patients per day before the first change.</param>
    /// <param name="baseRateChanges">(day, new base rate) changes.</param>
    /// <param name="monthFactors">12 factors, January first, averaging 1; null = no monthly seasonality.</param>
    /// <param name="weekdayFactors">7 factors, Monday first, averaging 1; null = no weekly pattern.</param>
    /// <exception cref="ArgumentException">A value <see cref="Problems"/> would report (a programming error: check values from a user first).</exception>
    public SeasonalRate(DateOnly startDate, RatePerDay baseRate, IEnumerable<(double Day, RatePerDay Rate)>? baseRateChanges = null,
        IReadOnlyList<double>? monthFactors = null, IReadOnlyList<double>? weekdayFactors = null)
    {
        var given = (baseRateChanges ?? []).ToList();
        var changes = given.Select(c => (c.Day, c.Rate.PerDay)).ToList();
        foreach (var (argument, _, _, message) in Checks(baseRate.PerDay, changes, monthFactors, weekdayFactors).Take(1))
        {
            throw new ArgumentException(message, argument);
        }
        _startDayNumber = startDate.DayNumber;
        _initial = baseRate.PerDay;
        _changes = [.. changes.OrderBy(c => c.Day)];
        _given = [.. given.OrderBy(c => c.Day)];
        _monthFactors = Normalised(monthFactors, 12);
        _weekdayFactors = Normalised(weekdayFactors, 7);
    }

    /// <summary>The tolerance on "factors average 1".</summary>
    public const double FactorMeanTolerance = 0.01;

    /// <summary>Patients per day before the first change.</summary>
    public RatePerDay BaseRate => RatePerDay.Of(_initial);

    /// <summary>(day, new base rate) changes, in day order.</summary>
    public IReadOnlyList<(double Day, RatePerDay Rate)> BaseRateChanges => Array.AsReadOnly(_given);

    /// <summary>The 12 month factors, January first, scaled to average exactly 1 (all 1 without monthly seasonality).</summary>
    public IReadOnlyList<double> MonthFactors => Array.AsReadOnly(_monthFactors);

    /// <summary>The 7 weekday factors, Monday first, scaled to average exactly 1 (all 1 without a weekly pattern).</summary>
    public IReadOnlyList<double> WeekdayFactors => Array.AsReadOnly(_weekdayFactors);

    /// <summary>
    /// Every problem with these values, each at its part below <paramref name="at"/> (the rate's
    /// path, e.g. <c>arrivals[ed].rate</c>): <see cref="BaseRate"/>, a change of
    /// <see cref="BaseRateChanges"/> by its position as given, <see cref="MonthFactors"/> or
    /// <see cref="WeekdayFactors"/> (or one factor by position). Empty when the constructor accepts them.
    /// The rates are plain numbers here, so that a reader can check a user's negative or infinite
    /// rate before it becomes a <see cref="RatePerDay"/> (which refuses one).
    /// </summary>
    public static IReadOnlyList<ModelProblem> Problems(ModelPath at, double baseRate, IEnumerable<(double Day, double Rate)>? baseRateChanges = null,
        IReadOnlyList<double>? monthFactors = null, IReadOnlyList<double>? weekdayFactors = null)
    {
        ArgumentNullException.ThrowIfNull(at);
        return [.. Checks(baseRate, [.. baseRateChanges ?? []], monthFactors, weekdayFactors)
            .Select(c => new ModelProblem(c.Index is { } i ? at.Member(c.Member).Index(i) : at.Member(c.Member), c.Message))];
    }

    /// <summary>The one set of checks: (constructor argument, the member it becomes, position in it or null, message).</summary>
    private static IEnumerable<(string Argument, string Member, int? Index, string Message)> Checks(double baseRate, List<(double Day, double Rate)> baseRateChanges,
        IReadOnlyList<double>? monthFactors, IReadOnlyList<double>? weekdayFactors)
    {
        if (!(baseRate >= 0) || !double.IsFinite(baseRate))
        {
            yield return (nameof(baseRate), nameof(BaseRate), null, $"the base rate must be a finite number of at least 0 a day, but was {Preconditions.Show(baseRate)}.");
        }
        for (int i = 0; i < baseRateChanges.Count; i++)
        {
            if (!(baseRateChanges[i].Rate >= 0) || !double.IsFinite(baseRateChanges[i].Rate))
            {
                yield return (nameof(baseRateChanges), nameof(BaseRateChanges), i, $"a changed rate must be a finite number of at least 0 a day, but was {Preconditions.Show(baseRateChanges[i].Rate)}.");
            }
            if (!double.IsFinite(baseRateChanges[i].Day))
            {
                yield return (nameof(baseRateChanges), nameof(BaseRateChanges), i, "a rate change has no finite day.");
            }
        }
        foreach (var (index, message) in FactorChecks(monthFactors, 12, "month factors"))
        {
            yield return (nameof(monthFactors), nameof(MonthFactors), index, message);
        }
        foreach (var (index, message) in FactorChecks(weekdayFactors, 7, "weekday factors"))
        {
            yield return (nameof(weekdayFactors), nameof(WeekdayFactors), index, message);
        }
    }

    private static IEnumerable<(int? Index, string Message)> FactorChecks(IReadOnlyList<double>? given, int count, string what)
    {
        if (given is null)
        {
            yield break;
        }
        if (given.Count != count)
        {
            yield return (null, $"{what} need exactly {count} values, but got {given.Count}.");
            yield break;
        }
        bool each = true;
        for (int i = 0; i < count; i++)
        {
            if (!(given[i] >= 0) || !double.IsFinite(given[i]))
            {
                each = false;
                yield return (i, $"{what} must be finite numbers of at least 0, but factor {i + 1} was {Preconditions.Show(given[i])}.");
            }
        }
        double mean = given.Average();
        if (each && Math.Abs(mean - 1) > FactorMeanTolerance)
        {
            yield return (null, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{what} must average 1 (within {FactorMeanTolerance}), but average {Preconditions.Show(Math.Round(mean, 4))}."));
        }
    }

    // Scaled exactly, so the base rate is the long-run mean.
    private static double[] Normalised(IReadOnlyList<double>? given, int count)
    {
        if (given is null)
        {
            return [.. Enumerable.Repeat(1.0, count)];
        }
        double mean = given.Average();
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
