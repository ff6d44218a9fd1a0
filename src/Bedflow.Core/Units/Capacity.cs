using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Bedflow.Core.Units;

/// <summary>
/// How many patients a service can hold at once — beds, places, staff, or units such as carer
/// hours a week — or no limit at all (<see cref="Unlimited"/>, an infinite-server service such as
/// time at home). Immutable; equal when both are unlimited or both hold the same places.
/// </summary>
/// <remarks>
/// Unlimited is a state of its own, not a number: no <see cref="Of"/> and no arithmetic gives it,
/// and <see cref="Places"/> refuses to make one up for it. It compares above every finite capacity.
/// The default value is <c>Of(0)</c>, a closed service. The engine keeps capacities as plain whole
/// numbers inside its loop; that encoding is its own business and never leaves it.
/// </remarks>
public readonly record struct Capacity : IComparable<Capacity>, IComparable
{
    /// <summary>
    /// The most places a finite capacity holds: a billion, far beyond any service (England has about
    /// 100,000 general and acute beds), leaving the engine's whole-number sums (a capacity plus its
    /// escalation beds) room to stay exact.
    /// </summary>
    public const int MaxPlaces = 1_000_000_000;

    private readonly int _places;
    private readonly bool _unlimited;

    private Capacity(int places, bool unlimited)
    {
        _places = places;
        _unlimited = unlimited;
    }

    /// <summary>No limit: an infinite-server service (a delay, such as time at home). Not equal to any <see cref="Of"/>.</summary>
    public static Capacity Unlimited => new(0, unlimited: true);

    /// <summary>A capacity of <paramref name="places"/> beds, places, staff or units (0 = closed).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="places"/> is below 0 or above <see cref="MaxPlaces"/>.</exception>
    public static Capacity Of(int places) => new(Preconditions.InRange(places, 0, MaxPlaces, nameof(places)), unlimited: false);

    /// <summary>Whether there is no limit.</summary>
    public bool IsUnlimited => _unlimited;

    /// <summary>The number of places of a finite capacity.</summary>
    /// <exception cref="InvalidOperationException">The capacity is <see cref="Unlimited"/>: it has no number (test <see cref="IsUnlimited"/> or use <see cref="TryGetPlaces"/>).</exception>
    public int Places => _unlimited
        ? throw new InvalidOperationException("an unlimited capacity has no number of places; test IsUnlimited first.")
        : _places;

    /// <summary>The number of places, or false for <see cref="Unlimited"/>.</summary>
    public bool TryGetPlaces(out int places)
    {
        places = _places;
        return !_unlimited;
    }

    /// <summary>"unlimited", or the places as a plain whole number in the invariant culture ("954"); for logs and test messages.</summary>
    public override string ToString() => _unlimited ? "unlimited" : _places.ToString(CultureInfo.InvariantCulture);

    /// <summary>Orders by places; <see cref="Unlimited"/> follows every finite capacity and equals itself.</summary>
    public int CompareTo(Capacity other) => (_unlimited, other._unlimited) switch
    {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => -1,
        _ => _places.CompareTo(other._places),
    };

    /// <summary>Orders by places; any capacity follows null.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="Capacity"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Capacity other => CompareTo(other),
        _ => throw new ArgumentException($"a Capacity compares only with another, not a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>
    /// <paramref name="places"/> more places (fewer when negative): an intervention's extra beds.
    /// An unlimited capacity stays unlimited — no limit plus or minus some beds is still no limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A finite result would be below 0 or above <see cref="MaxPlaces"/>.</exception>
    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Plus is the named alternate.")]
    public static Capacity operator +(Capacity capacity, int places) => capacity.Plus(places);

    /// <summary>The same as <c>capacity + places</c>: <paramref name="places"/> more places; unlimited stays unlimited.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A finite result would be below 0 or above <see cref="MaxPlaces"/>.</exception>
    public Capacity Plus(int places)
    {
        if (_unlimited)
        {
            return this;
        }
        long sum = (long)_places + places;
        if (sum is < 0 or > MaxPlaces)
        {
            throw new ArgumentOutOfRangeException(nameof(places), places,
                $"{_places} places plus {places} must come to 0 to {MaxPlaces}, but came to {sum}.");
        }
        return new Capacity((int)sum, unlimited: false);
    }

    /// <summary>Whether <paramref name="left"/> holds fewer places (a finite capacity is less than <see cref="Unlimited"/>).</summary>
    public static bool operator <(Capacity left, Capacity right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> holds more places.</summary>
    public static bool operator >(Capacity left, Capacity right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> holds fewer places or the same.</summary>
    public static bool operator <=(Capacity left, Capacity right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> holds more places or the same.</summary>
    public static bool operator >=(Capacity left, Capacity right) => left.CompareTo(right) >= 0;
}
