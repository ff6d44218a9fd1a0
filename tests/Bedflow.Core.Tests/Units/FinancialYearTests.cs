using System.Globalization;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Units;

public class FinancialYearTests
{
    [Theory]
    [InlineData(2016, 3, 31, "2015/16")]
    [InlineData(2016, 4, 1, "2016/17")]
    [InlineData(2017, 3, 31, "2016/17")]
    [InlineData(2017, 4, 1, "2017/18")]
    [InlineData(2016, 2, 29, "2015/16")]
    [InlineData(1999, 12, 31, "1999/00")]
    [InlineData(2000, 1, 1, "1999/00")]
    [InlineData(2100, 3, 31, "2099/00")]
    public void A_date_falls_in_the_year_that_starts_on_the_1_April_before_it(int y, int m, int d, string expected)
    {
        var year = FinancialYear.Of(new DateOnly(y, m, d));
        Assert.Equal(expected, year.ToString());
        Assert.True(year.Contains(new DateOnly(y, m, d)));
    }

    [Fact]
    public void A_year_runs_from_1_April_to_the_next_31_March()
    {
        var year = FinancialYear.Starting(2016);
        Assert.Equal(new DateOnly(2016, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2017, 3, 31), year.End);
        Assert.False(year.Contains(new DateOnly(2016, 3, 31)));
        Assert.False(year.Contains(new DateOnly(2017, 4, 1)));
    }

    [Theory]
    [InlineData(2015, 366)] // 29 February 2016
    [InlineData(2016, 365)]
    [InlineData(2019, 366)] // 29 February 2020
    [InlineData(1999, 366)] // 2000 is a leap year (divisible by 400)
    [InlineData(2099, 365)] // 2100 is not (divisible by 100)
    public void A_year_has_366_days_when_a_29_February_falls_in_it(int start, int days) =>
        Assert.Equal(days, FinancialYear.Starting(start).Days);

    [Fact]
    public void Every_day_from_1990_to_2040_is_in_exactly_the_year_of_its_April_to_March_and_the_days_add_up()
    {
        // Counted day by day, not by the formula: each year's days are the days that map to it.
        var counted = new Dictionary<FinancialYear, int>();
        var previous = FinancialYear.Of(new DateOnly(1989, 12, 31));
        for (var day = new DateOnly(1990, 1, 1); day <= new DateOnly(2040, 12, 31); day = day.AddDays(1))
        {
            var year = FinancialYear.Of(day);
            counted[year] = counted.GetValueOrDefault(year) + 1;
            Assert.True(year.Start <= day && day <= year.End, $"{day:yyyy-MM-dd} outside {year}");
            bool firstOfApril = day is { Month: 4, Day: 1 };
            Assert.Equal(firstOfApril ? FinancialYear.Starting(previous.StartYear + 1) : previous, year);
            previous = year;
        }
        foreach (var (year, days) in counted.Where(kv => kv.Key.StartYear is >= 1990 and < 2040))
        {
            Assert.Equal(days, year.Days);
        }
    }

    [Fact]
    public void Every_year_Bedflow_holds_reads_back_from_its_text()
    {
        for (int start = FinancialYear.MinStartYear; start <= FinancialYear.MaxStartYear; start++)
        {
            var year = FinancialYear.Starting(start);
            string text = year.ToString();
            Assert.Matches(@"^\d{4}/\d{2}$", text);
            Assert.Equal(year, FinancialYear.Parse(text));
            Assert.True(FinancialYear.TryParse(text, out var again));
            Assert.Equal(year, again);
        }
    }

    [Fact]
    public void The_text_is_the_same_whatever_the_culture()
    {
        // InvariantGlobalization is on, so no real culture loads: one with odd separators and signs is made by hand.
        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NegativeSign = "~";
        odd.NumberFormat.NumberGroupSeparator = "/";
        odd.NumberFormat.PositiveSign = "^";
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = odd;
            Assert.Equal("~1", (-1).ToString(CultureInfo.CurrentCulture)); // the culture has teeth
            Assert.Equal("2016/17", FinancialYear.Starting(2016).ToString());
            Assert.Equal(FinancialYear.Starting(2016), FinancialYear.Parse("2016/17"));
            Assert.Equal("2016-17", SitRep.ExtractYear(FinancialYear.Starting(2016)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("2016-17", "'2016-17' is not a financial year here: write it with a slash, as 2016/17 (the hyphen is the SitRep extract's spelling).")]
    [InlineData("2016/18", "'2016/18' is not a financial year: a financial year runs from April to the next March, so 2016 is followed by 17 (2016/17).")]
    [InlineData("1999/01", "'1999/01' is not a financial year: a financial year runs from April to the next March, so 1999 is followed by 00 (1999/00).")]
    [InlineData("2016", "'2016' is not a financial year: write it as 2016/17.")]
    [InlineData("16/17", "'16/17' is not a financial year: write it as 2016/17.")]
    [InlineData("2016/2017", "'2016/2017' is not a financial year: write it as 2016/17.")]
    [InlineData(" 2016/17", "' 2016/17' is not a financial year: write it as 2016/17.")]
    [InlineData("2016-18", "'2016-18' is not a financial year: write it as 2016/17.")]
    [InlineData("２０１６/17", "'２０１６/17' is not a financial year: write it as 2016/17.")]
    [InlineData("0000/01", "'0000/01' is not a financial year Bedflow can hold: the first year must be 0001 to 9998.")]
    [InlineData("9999/00", "'9999/00' is not a financial year Bedflow can hold: the first year must be 0001 to 9998.")]
    [InlineData("", "'' is not a financial year: write it as 2016/17.")]
    public void Text_that_is_not_a_financial_year_is_refused_with_a_message_that_says_how_to_write_it(string text, string message)
    {
        Assert.False(FinancialYear.TryParse(text, out _, out string? problem));
        Assert.Equal(message, problem);
        Assert.False(FinancialYear.TryParse(text, out _));
        Assert.Equal(message, Assert.Throws<FormatException>(() => FinancialYear.Parse(text)).Message);
    }

    [Fact]
    public void Null_is_no_financial_year()
    {
        Assert.False(FinancialYear.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => FinancialYear.Parse(null!));
    }

    [Fact]
    public void Years_are_ordered_by_their_start_and_equal_however_they_are_made()
    {
        var years = new[] { "2017/18", "1999/00", "2016/17", "2000/01", "2015/16" }.Select(FinancialYear.Parse).ToList();
        Assert.Equal(["1999/00", "2000/01", "2015/16", "2016/17", "2017/18"], years.Order().Select(y => y.ToString()));
        var a = FinancialYear.Parse("2016/17");
        var b = FinancialYear.Of(new DateOnly(2017, 1, 15));
        var c = FinancialYear.Starting(2017);
        Assert.True(a == b && a.Equals(b) && a.Equals((object)b) && a.GetHashCode() == b.GetHashCode());
        Assert.True(a != c && a < c && c > a && a <= b && a >= b && a <= c && c >= a);
        Assert.False(a > c || c < a || a != b);
        Assert.Equal(0, a.CompareTo(b));
        Assert.True(a.CompareTo((object)c) < 0);
        Assert.Equal(1, a.CompareTo(null));
        Assert.Throws<ArgumentException>(() => a.CompareTo("2016/17"));
        Assert.False(a.Equals("2016/17"));
    }

    [Fact]
    public void The_default_year_is_a_real_one_0001_02()
    {
        Assert.Equal(FinancialYear.Starting(1), default);
        Assert.Equal("0001/02", default(FinancialYear).ToString());
        Assert.Equal(new DateOnly(1, 4, 1), default(FinancialYear).Start);
    }

    [Fact]
    public void Years_outside_what_a_date_holds_are_refused_at_the_door()
    {
        foreach (var date in new[] { DateOnly.MinValue, new DateOnly(1, 3, 31), new DateOnly(9999, 4, 1), DateOnly.MaxValue })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => FinancialYear.Of(date));
            Assert.Equal("date", e.ParamName);
        }
        Assert.Equal(FinancialYear.Starting(1), FinancialYear.Of(new DateOnly(1, 4, 1)));
        Assert.Equal(FinancialYear.Starting(9998), FinancialYear.Of(new DateOnly(9999, 3, 31)));
        Assert.Equal(new DateOnly(9999, 3, 31), FinancialYear.Starting(9998).End);
        foreach (int start in new[] { 0, 9999, -2016 })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => FinancialYear.Starting(start));
            Assert.Equal("startYear", e.ParamName);
            Assert.StartsWith($"startYear must be 1 to 9998, but was {start}.", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_SitRep_extract_spells_the_same_year_with_a_hyphen_and_nothing_reads_that_spelling_back()
    {
        var year = FinancialYear.Starting(2016);
        Assert.Equal("2016-17", SitRep.ExtractYear(year));
        Assert.Equal("1999-00", SitRep.ExtractYear(FinancialYear.Starting(1999)));
        Assert.False(FinancialYear.TryParse(SitRep.ExtractYear(year), out _));
    }
}
