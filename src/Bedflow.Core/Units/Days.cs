using System.Globalization;

namespace Bedflow.Core.Units;

/// <summary>
/// A length of time in days — a warm-up, a horizon, a period — never negative, always finite;
/// fractions of a day allowed (0.5 is twelve hours). Immutable; equal, and ordered, by length.
/// The default value is <see cref="Zero"/>.
/// </summary>
/// <remarks>
/// A length, not a point in time: the engine's clock (days from the start date, negative in the
/// warm-up) stays a <see cref="double"/> inside its loop. A year of time is
/// <c>Days.Of(YearLength.CommonDays)</c>, 365 whole days (<see cref="YearLength"/>).
/// </remarks>
public readonly record struct Days : IComparable<Days>, IComparable
{
    private Days(double totalDays) => TotalDays = totalDays;

    /// <summary>No time at all: 0 days (no warm-up).</summary>
    public static Days Zero => default;

    /// <summary>The length in days, fractions included: finite and at least 0.</summary>
    public double TotalDays { get; }

    /// <summary>A length of <paramref name="days"/> days.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative, infinite or NaN.</exception>
    public static Days Of(double days) => new(Preconditions.NonNegative(days, nameof(days)));

    /// <summary>The days as a number in the invariant culture with the scenario file's unit, round-trip exact ("90d", "0.5d"); for logs and test messages.</summary>
    public override string ToString() => TotalDays.ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>Shorter lengths first.</summary>
    public int CompareTo(Days other) => TotalDays.CompareTo(other.TotalDays);

    /// <summary>Shorter lengths first; any length follows null.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not <see cref="Days"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Days other => CompareTo(other),
        _ => throw new ArgumentException($"Days compare only with Days, not a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Whether <paramref name="left"/> is shorter.</summary>
    public static bool operator <(Days left, Days right) => left.TotalDays < right.TotalDays;

    /// <summary>Whether <paramref name="left"/> is longer.</summary>
    public static bool operator >(Days left, Days right) => left.TotalDays > right.TotalDays;

    /// <summary>Whether <paramref name="left"/> is shorter or the same.</summary>
    public static bool operator <=(Days left, Days right) => left.TotalDays <= right.TotalDays;

    /// <summary>Whether <paramref name="left"/> is longer or the same.</summary>
    public static bool operator >=(Days left, Days right) => left.TotalDays >= right.TotalDays;
}
