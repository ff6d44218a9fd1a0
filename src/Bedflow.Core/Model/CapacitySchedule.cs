using Bedflow.Core.Units;

namespace Bedflow.Core.Model;

/// <summary>
/// A capacity that changes on given days. <see cref="Changes"/> are (day, new capacity) with days
/// counted from the scenario's start date (day 0; warm-up days are negative). A cut never evicts
/// anyone: it takes effect as places empty. Immutable.
/// </summary>
public sealed class CapacitySchedule
{
    /// <summary>A schedule with a single capacity throughout.</summary>
    public CapacitySchedule(Capacity initial) : this(initial, [])
    {
    }

    /// <summary>A schedule starting at <paramref name="initial"/> and changing on the given days.</summary>
    public CapacitySchedule(Capacity initial, IEnumerable<(double Day, Capacity Capacity)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Initial = initial;
        Changes = [.. changes.OrderBy(c => c.Day)];
    }

    /// <summary>The capacity before the first change.</summary>
    public Capacity Initial { get; }

    /// <summary>Changes in day order.</summary>
    public IReadOnlyList<(double Day, Capacity Capacity)> Changes { get; }

    /// <summary>The capacity in force at <paramref name="day"/> (a change applies from its day on).</summary>
    public Capacity At(double day)
    {
        var c = Initial;
        foreach (var change in Changes)
        {
            if (change.Day > day)
            {
                break;
            }
            c = change.Capacity;
        }
        return c;
    }

    /// <summary>Whether the capacity is unlimited at any time.</summary>
    public bool IsEverUnlimited => Initial.IsUnlimited || Changes.Any(c => c.Capacity.IsUnlimited);

    /// <summary>A fixed capacity throughout.</summary>
    public static implicit operator CapacitySchedule(Capacity capacity) => new(capacity);

    /// <summary>A fixed capacity of <paramref name="places"/> places throughout (<see cref="Capacity.Of"/>), for networks built in code.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="places"/> is below 0 or above <see cref="Capacity.MaxPlaces"/>.</exception>
    public static implicit operator CapacitySchedule(int places) => new(Capacity.Of(places));
}
