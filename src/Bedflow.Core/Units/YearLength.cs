namespace Bedflow.Core.Units;

/// <summary>
/// The two lengths of a year in Bedflow, kept apart on purpose: <see cref="MeanDays"/> turns a
/// count over a period into a figure a year; <see cref="CommonDays"/> is a year as a length of
/// time, a whole number of days to simulate. docs/results-reference.md ("A year") says which
/// figure uses which.
/// </summary>
public static class YearLength
{
    /// <summary>
    /// Days in a year for every figure "a year" (delayed days a year, discharges a year, cost a
    /// year, a scenario rate written <c>/y</c>): 365.25, the mean length of a calendar year over the
    /// four-year leap cycle (the Julian year; every fourth year is a leap year from 1901 to 2099).
    /// A figure a year is the period's total × 365.25 ÷ its days, so it does not depend on whether a
    /// 29 February falls in the period: 2016/17 (365 days) and 2019/20 (366 days) at the same daily
    /// rate give the same figure a year. The NHS publishes totals for months and financial years and
    /// sets no annualisation of its own (domain.md §1); the Gregorian mean, 365.2425 days, differs
    /// from this by 0.002%, far inside any interval here.
    /// </summary>
    public const double MeanDays = 365.25;

    /// <summary>
    /// Days in a year as a length of time (a scenario's <c>1y</c>, the default horizon and warm-up,
    /// <c>bedflow demo --years</c>): 365 whole days, a common (non-leap) year. Simulated periods are
    /// whole days because the census, the SitRep and the costs count midnights; a horizon of
    /// 365.25 days would end at 06:00, its time averages covering a quarter day its census does not.
    /// </summary>
    public const int CommonDays = 365;

    /// <summary>
    /// A figure a year from a total over <paramref name="days"/> days: total × <see cref="MeanDays"/>
    /// ÷ days (in that order, so that the result is the same to the last bit wherever it is made).
    /// </summary>
    /// <param name="total">The count or amount over the period.</param>
    /// <param name="days">The period's length in days; 0 gives an infinite or NaN figure, as any division by 0 does.</param>
    public static double PerYear(double total, double days) => total * MeanDays / days;

    /// <summary>The period's length in years of <see cref="MeanDays"/>: days ÷ 365.25.</summary>
    /// <param name="days">The period's length in days.</param>
    public static double Years(double days) => days / MeanDays;
}
