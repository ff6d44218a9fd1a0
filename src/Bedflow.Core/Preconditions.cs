using System.Globalization;

namespace Bedflow.Core;

/// <summary>
/// Argument checks at the door of the public API. Messages name the argument, the value
/// received and the allowed range. What they throw is a programming error: values from a user
/// are checked first by a step that returns problems as data (the validator,
/// <see cref="Distributions.DistributionProblems"/>, <see cref="Model.SeasonalRate.Problems"/>),
/// and nothing catches these to turn them into diagnostics.
/// </summary>
internal static class Preconditions
{
    public static double Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number, but was {Show(value)}.");
        }
        return value;
    }

    public static double Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number greater than 0, but was {Show(value)}.");
        }
        return value;
    }

    public static double NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number of at least 0, but was {Show(value)}.");
        }
        return value;
    }

    public static int Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1, but was {value}.");
        }
        return value;
    }

    public static int NonNegative(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 0, but was {value}.");
        }
        return value;
    }

    public static int InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {min} to {max}, but was {value}.");
        }
        return value;
    }

    public static void Check(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, name);
        }
    }

    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
