namespace Bedflow.Core.Model;

/// <summary>
/// A capacity that changes on given days. <see cref="Changes"/> are (day, new capacity) with days
/// counted from the scenario's start date (day 0; warm-up days are negative). A cut never evicts
/// anyone: it takes effect as places empty.
/// </summary>
public sealed class CapacitySchedule
{
    /// <summary>A schedule with a single capacity throughout.</summary>
    public CapacitySchedule(int initial) : this(initial, [])
    {
    }

    /// <summary>A schedule starting at <paramref name="initial"/> and changing on the given days.</summary>
    public CapacitySchedule(int initial, IEnumerable<(double Day, int Capacity)> changes)
    {
        Initial = initial;
        Changes = [.. changes.OrderBy(c => c.Day)];
    }

    /// <summary>The capacity before the first change.</summary>
    public int Initial { get; }

    /// <summary>Changes in day order.</summary>
    public IReadOnlyList<(double Day, int Capacity)> Changes { get; }

    /// <summary>The capacity in force at <paramref name="day"/> (a change applies from its day on).</summary>
    public int At(double day)
    {
        int c = Initial;
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
    public bool IsEverUnlimited => Initial == Capacity.Unlimited || Changes.Any(c => c.Capacity == Capacity.Unlimited);

    /// <summary>Converts a fixed capacity.</summary>
    public static implicit operator CapacitySchedule(int capacity) => new(capacity);
}
