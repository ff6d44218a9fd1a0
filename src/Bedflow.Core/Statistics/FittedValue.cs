using System.Globalization;

namespace Bedflow.Core.Statistics;

/// <summary>
/// A fitted parameter with its 95% interval, or the convention used where the data say nothing
/// (<see cref="Absent"/>: a value by convention and no interval, never an invented one). Immutable.
/// </summary>
public sealed record FittedValue
{
    internal FittedValue(double value, double? lower, double? upper, bool absent = false)
    {
        Value = value;
        Lower = lower;
        Upper = upper;
        Absent = absent;
    }

    /// <summary>The estimate (the conventional value when <see cref="Absent"/>).</summary>
    public double Value { get; }

    /// <summary>Lower end of the 95% interval; null when there is none.</summary>
    public double? Lower { get; }

    /// <summary>Upper end of the 95% interval; null when there is none or it is unbounded.</summary>
    public double? Upper { get; }

    /// <summary>Whether the data hold nothing about this parameter, so <see cref="Value"/> is a convention, not an estimate.</summary>
    public bool Absent { get; }

    /// <summary>Whether <paramref name="value"/> lies inside the interval (an unbounded end covers everything on its side; false when there is no interval).</summary>
    public bool Covers(double value) => Lower is { } lo && value >= lo && (Upper is not { } hi || value <= hi);

    /// <inheritdoc/>
    public override string ToString() => Absent
        ? string.Create(CultureInfo.InvariantCulture, $"{Value:G6} (no data)")
        : string.Create(CultureInfo.InvariantCulture, $"{Value:G6} ({Lower:G6} to {(Upper is { } u ? u.ToString("G6", CultureInfo.InvariantCulture) : "unbounded")})");
}
