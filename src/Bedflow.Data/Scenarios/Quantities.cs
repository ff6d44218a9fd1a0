using System.Globalization;
using System.Text.RegularExpressions;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// Friendly units: durations (<c>14d</c>, <c>6w</c>, <c>12h</c>, <c>1y</c> = 365 days), rates
/// (<c>180/d</c>, <c>1260/w</c>, <c>65000/y</c>) and dates (<c>2016-11-01</c>).
/// </summary>
internal static partial class Quantities
{
    [GeneratedRegex(@"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(h|d|w|y)\s*$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*/\s*(d|w|y)\s*$")]
    private static partial Regex RatePattern();

    /// <summary>A duration in days, or an error message.</summary>
    public static (double Days, string? Error) Duration(string text)
    {
        var m = DurationPattern().Match(text);
        if (!m.Success && text.TrimStart().StartsWith('-') && DurationPattern().IsMatch(text.TrimStart()[1..]))
        {
            return (0, $"a duration must be at least 0 days, but was '{text}'.");
        }
        if (!m.Success)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? (0, $"'{text}' has no unit: write a duration with one, such as {text}d (days), {text}w (weeks), {text}h (hours) or {text}y (years).")
                : (0, $"'{text}' is not a duration: write a number and a unit, such as 14d, 6w, 12h or 1y.");
        }
        double value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * Unit(m.Groups[2].Value);
        return double.IsFinite(value) ? (value, null) : (0, $"'{text}' is too large to be a duration.");
    }

    /// <summary>A rate per day, or an error message.</summary>
    public static (double PerDay, string? Error) Rate(string text)
    {
        var m = RatePattern().Match(text);
        if (!m.Success)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? (0, $"'{text}' has no unit: write a rate such as {text}/d (per day), {text}/w (per week) or {text}/y (per year).")
                : (0, $"'{text}' is not a rate: write a number per unit of time, such as 180/d, 1260/w or 65000/y.");
        }
        // A rate a year is a figure a year: per 365.25 days, as the results' figures a year (a duration's 1y is 365 days).
        double value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / (m.Groups[2].Value == "y" ? Core.Units.YearLength.MeanDays : Unit(m.Groups[2].Value));
        return double.IsFinite(value) ? (value, null) : (0, $"'{text}' is too large to be a rate.");
    }

    /// <summary>A calendar date (yyyy-mm-dd), or an error message.</summary>
    public static (DateOnly Date, string? Error) Date(string text)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return (d, null);
        }
        // A real month with a day it does not have (2016-02-30): say how many days it has.
        var m = DatePattern().Match(text);
        if (m.Success && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and int month
            && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1 and int year)
        {
            var first = new DateOnly(year, month, 1);
            return (default, string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a date: {first:MMMM yyyy} has {DateTime.DaysInMonth(year, month)} days."));
        }
        return (default, $"'{text}' is not a date: write it as yyyy-mm-dd, such as 2016-11-01.");
    }

    [GeneratedRegex(@"^\s*([0-9]{4})-([0-9]{2})-([0-9]{2})\s*$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\s*£?\s*([0-9][0-9,]*\.?[0-9]*)\s*(k|m|bn)?\s*$")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"^(-\s*£?|£\s*-)\s*[0-9]")]
    private static partial Regex NegativeMoneyPattern();

    [GeneratedRegex(@"^-?£?\s*[0-9.,]+[eE][+-]?[0-9]+\s*(k|m|bn)?$")]
    private static partial Regex PowerOfTenPattern();

    /// <summary>Pounds: <c>313</c>, <c>£313</c>, <c>£2m</c>, <c>£13.3m</c>, <c>£1.2bn</c>, <c>£500k</c>, <c>2,000,000</c> — or an error message.</summary>
    public static (decimal Pounds, string? Error) Money(string text)
    {
        var m = MoneyPattern().Match(text);
        if (!m.Success && NegativeMoneyPattern().IsMatch(text))
        {
            return (0, $"'{text}' is negative: an amount of money here is at least £0.");
        }
        if (!m.Success && PowerOfTenPattern().IsMatch(text))
        {
            return (0, $"'{text}' is written with a power of ten: write pounds in full or with k, m or bn, such as £500k, £2m or £1.2bn.");
        }
        if (!m.Success || !decimal.TryParse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v))
        {
            return (0, $"'{text}' is not an amount of money: write pounds such as 313, £2m, £13.3m or £500k.");
        }
        decimal factor = m.Groups[2].Value switch { "k" => 1_000m, "m" => 1_000_000m, "bn" => 1_000_000_000m, _ => 1m };
        // Sanity: no health economy spends a trillion pounds on one line (and decimal must not overflow).
        return v > 1_000_000_000_000m / factor ? (0, $"'{text}' is too large an amount (over £1,000bn).") : (v * factor, null);
    }

    /// <summary>A plain number, or an error message.</summary>
    public static (double Value, string? Error) Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? (v, null)
            : NonFinite(text) ? (0, $"'{text}' is not a finite number: write an ordinary number, such as 2 or 0.5.")
            : (0, $"'{text}' is not a number.");

    // YAML's infinities and not-a-number (.inf, -.inf, .nan in any case), .NET's names, and numbers too large for a double.
    private static bool NonFinite(string text) =>
        text.TrimStart('+', '-').ToLowerInvariant() is ".inf" or ".nan" or "inf" or "nan" or "infinity" or "∞"
        || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && !double.IsFinite(v));

    private static double Unit(string unit) => unit switch
    {
        "h" => 1.0 / 24,
        "w" => 7,
        "y" => Core.Units.YearLength.CommonDays,
        _ => 1,
    };
}
