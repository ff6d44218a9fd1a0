namespace Bedflow.Core.Units;

/// <summary>Sums of <see cref="Money"/>, as LINQ's <c>Sum</c> gives for numbers: added in the sequence's order from £0.</summary>
public static class MoneySums
{
    /// <summary>The total of the amounts (£0 for none).</summary>
    /// <exception cref="OverflowException">The total is beyond <see cref="decimal"/>'s range.</exception>
    public static Money Sum(this IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        decimal total = 0;
        foreach (var amount in amounts)
        {
            total += amount.Pounds;
        }
        return Money.FromPounds(total);
    }

    /// <summary>The total of the amount each item gives (£0 for none).</summary>
    /// <exception cref="OverflowException">The total is beyond <see cref="decimal"/>'s range.</exception>
    public static Money Sum<T>(this IEnumerable<T> items, Func<T, Money> amount)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(amount);
        return items.Select(amount).Sum();
    }
}
