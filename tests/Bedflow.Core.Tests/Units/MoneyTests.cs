using System.Globalization;
using System.Reflection;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Units;

public class MoneyTests
{
    private static Money Pounds(decimal pounds) => Money.FromPounds(pounds);

    [Fact]
    public void Money_adds_subtracts_and_turns_its_sign_exactly()
    {
        Assert.Equal(Pounds(400m), Pounds(313m) + Pounds(87m));
        Assert.Equal(Pounds(13.3e6m), Pounds(22.4e6m) - Pounds(9.1e6m));
        Assert.Equal(Pounds(-2e6m), -Pounds(2e6m));
        // Exact pounds and pence, where a double would give 0.30000000000000004.
        Assert.Equal(Pounds(0.3m), Pounds(0.1m) + Pounds(0.2m));
        Assert.Equal(Pounds(1m), Enumerable.Repeat(Pounds(0.1m), 10).Sum());
    }

    [Fact]
    public void Money_scales_by_a_decimal_or_an_int_and_divides_into_a_plain_ratio()
    {
        Assert.Equal(Pounds(700m), Pounds(100m) * 7);                 // an int becomes a decimal
        Assert.Equal(Pounds(700m), 7 * Pounds(100m));
        Assert.Equal(Pounds(75m), Pounds(300m) * 0.25m);
        Assert.Equal(Pounds(100m), Pounds(700m) / 7);                 // a week's price a day
        decimal share = Pounds(30e6m) / Pounds(130e6m);                // money ÷ money is a ratio, not money
        Assert.Equal(30m / 130m, share);
        Assert.Throws<DivideByZeroException>(() => Pounds(1m) / Money.Zero);
        Assert.Throws<DivideByZeroException>(() => Pounds(1m) / 0m);
    }

    [Fact]
    public void Money_that_would_leave_the_decimal_range_throws_rather_than_rounding()
    {
        var most = Pounds(decimal.MaxValue);
        Assert.Throws<OverflowException>(() => most + Pounds(1m));
        Assert.Throws<OverflowException>(() => most * 2);
        Assert.Throws<OverflowException>(() => new[] { most, most }.Sum());
    }

    [Fact]
    public void Equal_amounts_are_equal_whatever_their_written_pence()
    {
        Assert.Equal(Pounds(313m), Pounds(313.00m));
        Assert.True(Pounds(313m) == Pounds(313.00m));
        Assert.Equal(Pounds(313m).GetHashCode(), Pounds(313.00m).GetHashCode());
        Assert.True(Pounds(313m) != Pounds(313.01m));
        Assert.True(Pounds(313m).Equals((object)Pounds(313m)));
        Assert.False(Pounds(313m).Equals(313m));
        Assert.Equal(Money.Zero, default);
        Assert.Equal(0m, Money.Zero.Pounds);
    }

    [Fact]
    public void Money_is_ordered_by_amount_with_savings_below_zero()
    {
        var amounts = new[] { Pounds(3m), Pounds(-2m), Money.Zero, Pounds(1.5m) };
        Assert.Equal([Pounds(-2m), Money.Zero, Pounds(1.5m), Pounds(3m)], amounts.Order());
        Assert.True(Pounds(-2m) < Money.Zero && Pounds(3m) > Pounds(1.5m) && Pounds(3m) >= Pounds(3.0m) && Pounds(1m) <= Pounds(1m));
        Assert.False(Pounds(1m) < Pounds(1m) || Pounds(1m) > Pounds(1m));
        Assert.Equal(1, Pounds(1m).CompareTo(null));
        Assert.True(Pounds(1m).CompareTo((object)Pounds(2m)) < 0);
        Assert.Throws<ArgumentException>(() => Pounds(1m).CompareTo(1m));
    }

    [Fact]
    public void A_sum_of_no_money_is_zero_and_a_sum_adds_in_order()
    {
        Assert.Equal(Money.Zero, Array.Empty<Money>().Sum());
        var schemes = new[] { ("contracts", Pounds(5.0e6m)), ("prescribing", Pounds(4.1e6m)) };
        Assert.Equal(Pounds(9.1e6m), schemes.Sum(s => s.Item2));
        // In decimal's last digit, order matters; the sum goes first to last as LINQ's does.
        decimal[] parts = [1m / 3, 1m / 3, 1m / 3, 1e10m];
        Assert.Equal(parts.Sum(), parts.Select(Money.FromPounds).Sum().Pounds);
    }

    [Fact]
    public void Money_never_becomes_a_double_nor_a_bare_decimal_silently()
    {
        var type = typeof(Money);
        // No conversion operator of any kind: (double)amount and `decimal d = amount` do not compile.
        Assert.DoesNotContain(type.GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name is "op_Implicit" or "op_Explicit");
        // Nothing public takes or gives a binary floating-point number: `amount * 1.5` does not compile.
        Type[] floating = [typeof(double), typeof(float), typeof(Half)];
        var offenders = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            .Where(m => floating.Contains(m.ReturnType) || m.GetParameters().Any(p => floating.Contains(p.ParameterType)))
            .Select(m => m.ToString())
            .Concat(type.GetProperties().Where(p => floating.Contains(p.PropertyType)).Select(p => p.Name));
        Assert.Empty(offenders);
        Assert.Equal(typeof(decimal), type.GetProperty(nameof(Money.Pounds))!.PropertyType);
        // And nothing outside can build one but through FromPounds (or Zero).
        Assert.DoesNotContain(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance), c => c.GetParameters().Length > 0);
        Assert.Null(type.GetProperty(nameof(Money.Pounds))!.SetMethod);
    }

    [Fact]
    public void Core_writes_money_as_a_plain_invariant_number_without_a_pound_sign()
    {
        // InvariantGlobalization is on, so no culture such as fr-FR loads: French separators are made by hand.
        var french = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        french.NumberFormat.NumberDecimalSeparator = ",";
        french.NumberFormat.NegativeSign = "\u2212";
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = french;
            Assert.Equal("1234,50", 1234.50m.ToString(CultureInfo.CurrentCulture)); // the culture has teeth
            Assert.Equal("1234.50", Pounds(1234.50m).ToString());
            Assert.Equal("-2000000", Pounds(-2e6m).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
