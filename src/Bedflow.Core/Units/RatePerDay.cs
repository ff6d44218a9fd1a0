using System.Globalization;

namespace Bedflow.Core.Units;

/// <summary>
/// How often something happens, in events a day — arrivals of patients, most often — never
/// negative, always finite. Immutable; equal, and ordered, by the rate. The default value is
/// <see cref="Zero"/>.
/// </summary>
/// <remarks>
/// A scenario's <c>8/d</c> is <c>RatePerDay.Of(8)</c>, and its <c>/w</c> and <c>/y</c> forms are
/// read into days (a year being <see cref="YearLength.MeanDays"/>). Inside the engine's thinning
/// loop a rate is a plain <see cref="double"/> (<c>ArrivalRate.At</c>, <c>ArrivalRate.Bound</c>).
/// </remarks>
public readonly record struct RatePerDay : IComparable<RatePerDay>, IComparable
{
    private RatePerDay(double perDay) => PerDay = perDay;

    /// <summary>Nothing ever happens: 0 a day.</summary>
    public static RatePerDay Zero => default;

    /// <summary>Events a day: finite and at least 0.</summary>
    public double PerDay { get; }

    /// <summary>A rate of <paramref name="perDay"/> events a day.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perDay"/> is negative, infinite or NaN.</exception>
    public static RatePerDay Of(double perDay) => new(Preconditions.NonNegative(perDay, nameof(perDay)));

    /// <summary>The rate as a number in the invariant culture with the scenario file's unit, round-trip exact ("8/d"); for logs and test messages.</summary>
    public override string ToString() => PerDay.ToString("R", CultureInfo.InvariantCulture) + "/d";

    /// <summary>Lower rates first.</summary>
    public int CompareTo(RatePerDay other) => PerDay.CompareTo(other.PerDay);

    /// <summary>Lower rates first; any rate follows null.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="RatePerDay"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        RatePerDay other => CompareTo(other),
        _ => throw new ArgumentException($"a RatePerDay compares only with another, not a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Whether <paramref name="left"/> is lower.</summary>
    public static bool operator <(RatePerDay left, RatePerDay right) => left.PerDay < right.PerDay;

    /// <summary>Whether <paramref name="left"/> is higher.</summary>
    public static bool operator >(RatePerDay left, RatePerDay right) => left.PerDay > right.PerDay;

    /// <summary>Whether <paramref name="left"/> is lower or the same.</summary>
    public static bool operator <=(RatePerDay left, RatePerDay right) => left.PerDay <= right.PerDay;

    /// <summary>Whether <paramref name="left"/> is higher or the same.</summary>
    public static bool operator >=(RatePerDay left, RatePerDay right) => left.PerDay >= right.PerDay;
}
