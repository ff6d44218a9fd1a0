using System.CommandLine;
using System.Globalization;

namespace Bedflow.Cli;

/// <summary>Option helpers shared by the commands.</summary>
internal static class Options
{
    /// <summary>A whole-number option of at least 1, with a clear message otherwise; null default = not given.</summary>
    public static Option<int?> PositiveInt(string name, string description, int? defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r =>
        {
            string token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= 1)
            {
                return value;
            }
            r.AddError($"{name} must be a whole number of at least 1, but was '{token}'.");
            return null;
        },
    };

    /// <summary>A random seed: a whole number from 0 to 2^64 − 1, with a plain message otherwise; null = not given.</summary>
    public static Option<ulong?> Seed(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            string token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
            {
                return value;
            }
            // The limit with thousands separators: a run of ten or more digits on standard error is masked as a possible NHS number.
            r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from 0 to {ulong.MaxValue:N0}, but was '{token}'."));
            return null;
        },
    };
}
