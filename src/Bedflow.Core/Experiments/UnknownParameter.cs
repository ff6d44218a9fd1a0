namespace Bedflow.Core.Experiments;

/// <summary>
/// A parameter the scenario marks as unknown (its <c>calibrate:</c> section): where it is in the
/// file, the range it may take, and how its values are written, for <c>bedflow calibrate
/// published</c> to fit. Immutable.
/// </summary>
/// <param name="Path">The key path in the scenario file, as a variant's <c>set</c> names it (<c>services.reablement.capacity</c>).</param>
/// <param name="Min">The least value.</param>
/// <param name="Max">The greatest value (above <paramref name="Min"/>).</param>
/// <param name="Unit">The unit suffix its values are written with (<c>d</c> for days; empty for a count or a plain number).</param>
/// <param name="Whole">True when the value is a whole number (a capacity).</param>
public sealed record UnknownParameter(string Path, double Min, double Max, string Unit, bool Whole)
{
    /// <summary>The value the file gives it now, in its units (days for a duration); NaN when not known.</summary>
    public double Current { get; init; } = double.NaN;

    /// <summary>The value at <paramref name="share"/> (0 to 1) of the range, rounded when whole.</summary>
    public double At(double share)
    {
        double v = Min + ((Max - Min) * Math.Clamp(share, 0, 1));
        return Whole ? Math.Round(v) : v;
    }

    /// <summary>The value as the scenario file writes it (<c>12.5d</c>, <c>140</c>).</summary>
    public string Text(double value) =>
        (Whole ? Math.Round(value).ToString("0", System.Globalization.CultureInfo.InvariantCulture) : value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)) + Unit;
}
