using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Units;

public class YearLengthTests
{
    [Fact]
    public void A_year_for_figures_a_year_is_the_mean_calendar_year_over_the_four_year_leap_cycle()
    {
        // 2016 to 2019: one leap year in four, counted from the calendar.
        int days = new DateOnly(2020, 1, 1).DayNumber - new DateOnly(2016, 1, 1).DayNumber;
        Assert.True(days / 4.0 == YearLength.MeanDays, $"{days} days in four years");
    }

    [Fact]
    public void A_year_as_a_length_of_time_is_365_whole_days_a_common_year()
    {
        int days = new DateOnly(2017, 4, 1).DayNumber - new DateOnly(2016, 4, 1).DayNumber;
        Assert.True(days == YearLength.CommonDays, $"{days} days from 1 April 2016 to 1 April 2017");
        Assert.Equal(365, FinancialYear.Starting(2016).Days);
    }

    [Fact]
    public void The_same_daily_rate_gives_the_same_figure_a_year_in_a_leap_financial_year_and_in_a_common_one()
    {
        const double perDay = 100;
        var common = FinancialYear.Starting(2016);   // 365 days
        var leap = FinancialYear.Starting(2019);     // 366 days: 29 February 2020
        double a = YearLength.PerYear(perDay * common.Days, common.Days);
        double b = YearLength.PerYear(perDay * leap.Days, leap.Days);
        Assert.Equal(a, b, 9);
        Assert.Equal(36_525, a, 9);
    }

    [Fact]
    public void A_figure_a_year_is_the_total_times_365_25_over_the_days_to_the_last_bit()
    {
        // Delay figures were total × 365.25 ÷ days before the constant had a name; results.json holds those bits.
        long total = 52_213;
        int days = 365;
        Assert.Equal(total * 365.25 / days, YearLength.PerYear(total, days));
        Assert.Equal(365.0 / 365.25, YearLength.Years(365));
    }
}
