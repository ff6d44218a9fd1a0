using System.Globalization;

namespace Bedflow.Core.Optimisation;

/// <summary>
/// An amount for each lever, in the levers' order: the capacity added to each lever's service.
/// Immutable; equal when the amounts are.
/// </summary>
public sealed class Allocation : IEquatable<Allocation>
{
    private readonly int[] _amounts;

    /// <summary>An allocation of these amounts, one per lever.</summary>
    public Allocation(IEnumerable<int> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        _amounts = [.. amounts];
    }

    /// <summary>The amounts, one per lever.</summary>
    public IReadOnlyList<int> Amounts => _amounts;

    /// <summary>The amount of lever <paramref name="lever"/>.</summary>
    public int this[int lever] => _amounts[lever];

    /// <summary>This allocation with <paramref name="delta"/> added to lever <paramref name="lever"/>.</summary>
    public Allocation Plus(int lever, int delta)
    {
        var next = (int[])_amounts.Clone();
        next[lever] += delta;
        return new Allocation(next);
    }

    /// <inheritdoc/>
    public bool Equals(Allocation? other) => other is not null && _amounts.AsSpan().SequenceEqual(other._amounts);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Allocation);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int a in _amounts)
        {
            hash.Add(a);
        }
        return hash.ToHashCode();
    }

    /// <summary>The amounts as "a, b, c".</summary>
    public override string ToString() => string.Join(", ", _amounts.Select(a => a.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Equal amounts.</summary>
    public static bool operator ==(Allocation? left, Allocation? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Different amounts.</summary>
    public static bool operator !=(Allocation? left, Allocation? right) => !(left == right);
}
