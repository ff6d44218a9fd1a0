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
}
