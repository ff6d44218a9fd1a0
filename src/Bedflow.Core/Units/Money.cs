using System.Globalization;

namespace Bedflow.Core.Units;

/// <summary>
/// An amount of money in pounds sterling, exact to <see cref="decimal"/>'s 28 digits: a price, a
/// cost, a budget, a contribution. Negative amounts are allowed (a saving, an overspend).
/// Immutable; equal when the amounts are equal (£313 = £313.00).
/// </summary>
/// <remarks>
/// Money adds to money and scales by a <see cref="decimal"/> (an <see cref="int"/> converts to one);
/// money ÷ money is a plain ratio. There is no conversion to or from <see cref="double"/>, nor any
/// implicit one to <see cref="decimal"/>: a statistic over replications takes
/// <c>(double)amount.Pounds</c>, written out where it is made. Core does not format money — there
/// is no £ in <see cref="ToString"/>; Bedflow.Reports and the CLI write "£313" or "£2.5m".
/// </remarks>
public readonly record struct Money : IComparable<Money>, IComparable
{
    private Money(decimal pounds) => Pounds = pounds;

    /// <summary>No money: £0, also the default value.</summary>
    public static Money Zero => default;

    /// <summary>The amount in pounds.</summary>
    public decimal Pounds { get; }

    /// <summary>An amount of <paramref name="pounds"/> pounds (£2m is <c>FromPounds(2_000_000m)</c>).</summary>
    public static Money FromPounds(decimal pounds) => new(pounds);

    /// <summary>The amount in pounds as a number in the invariant culture, without a currency sign ("313.50"); for logs and test messages, not for people.</summary>
    public override string ToString() => Pounds.ToString(CultureInfo.InvariantCulture);

    /// <summary>Orders by amount: less money first.</summary>
    public int CompareTo(Money other) => Pounds.CompareTo(other.Pounds);

    /// <summary>Orders by amount; any amount follows null.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not <see cref="Money"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException($"Money compares only with Money, not a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>The sum of two amounts.</summary>
    /// <exception cref="OverflowException">The sum is beyond <see cref="decimal"/>'s range.</exception>
    public static Money operator +(Money left, Money right) => new(left.Pounds + right.Pounds);

    /// <summary>The difference of two amounts.</summary>
    /// <exception cref="OverflowException">The difference is beyond <see cref="decimal"/>'s range.</exception>
    public static Money operator -(Money left, Money right) => new(left.Pounds - right.Pounds);

    /// <summary>The amount with its sign turned: a cost as a saving.</summary>
    public static Money operator -(Money amount) => new(-amount.Pounds);

    /// <summary>The amount <paramref name="factor"/> times: a day's price × days, a contribution × a share.</summary>
    /// <exception cref="OverflowException">The product is beyond <see cref="decimal"/>'s range.</exception>
    public static Money operator *(Money amount, decimal factor) => new(amount.Pounds * factor);

    /// <summary>The amount <paramref name="factor"/> times.</summary>
    /// <exception cref="OverflowException">The product is beyond <see cref="decimal"/>'s range.</exception>
    public static Money operator *(decimal factor, Money amount) => new(factor * amount.Pounds);

    /// <summary>The amount split <paramref name="divisor"/> ways: a week's price ÷ 7.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is 0.</exception>
    public static Money operator /(Money amount, decimal divisor) => new(amount.Pounds / divisor);

    /// <summary>How many times <paramref name="divisor"/> goes into <paramref name="amount"/>: a plain ratio (a share of a fund, of a gap).</summary>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is £0.</exception>
    public static decimal operator /(Money amount, Money divisor) => amount.Pounds / divisor.Pounds;

    /// <summary>Whether <paramref name="left"/> is less.</summary>
    public static bool operator <(Money left, Money right) => left.Pounds < right.Pounds;

    /// <summary>Whether <paramref name="left"/> is more.</summary>
    public static bool operator >(Money left, Money right) => left.Pounds > right.Pounds;

    /// <summary>Whether <paramref name="left"/> is less or the same.</summary>
    public static bool operator <=(Money left, Money right) => left.Pounds <= right.Pounds;

    /// <summary>Whether <paramref name="left"/> is more or the same.</summary>
    public static bool operator >=(Money left, Money right) => left.Pounds >= right.Pounds;
}
