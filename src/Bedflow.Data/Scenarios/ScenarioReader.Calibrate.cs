using Bedflow.Core.Experiments;

namespace Bedflow.Data.Scenarios;

internal sealed partial class ScenarioReader
{
    internal static readonly string[] CalibrateKeys = ["min", "max"];

    /// <summary>The parameters the scenario marks as unknown (the <c>calibrate:</c> section, docs/scenario-reference.md); none when absent.</summary>
    public IReadOnlyList<UnknownParameter> Unknown { get; private set; } = [];

    /// <summary>
    /// <c>calibrate: {services.reablement.capacity: {min: 120, max: 220}, …}</c>: each key a value in
    /// the file, as a variant's <c>set</c> names it, with the range <c>bedflow calibrate published</c>
    /// may try. The value there must be a single number or duration, and the range in its kind.
    /// </summary>
    private void ReadCalibrate(YMap root)
    {
        if (ctx.Map(root["calibrate"], "calibrate") is not { } map)
        {
            return;
        }
        var unknown = new List<UnknownParameter>();
        foreach (var (key, value) in map.Entries)
        {
            string path = $"calibrate.{ReadContext.Shown(key.Value)}";
            if (key.Value.StartsWith("routing.", StringComparison.Ordinal))
            {
                ctx.Error(key, path, "a routing probability cannot be fitted on its own: a route's probabilities must sum to 1, so changing one alone makes the scenario invalid. Fit routing from the register (bedflow calibrate register).");
                continue;
            }
            if (Find(root, key.Value) is not YScalar current || current.IsNull)
            {
                ctx.Error(key, path, $"'{ReadContext.Shown(key.Value)}' is not a single value in this file: name a value such as services.reablement.capacity or services.assessment.length_of_stay.exponential.mean.");
                continue;
            }
            if (ctx.Map(value, path, required: true) is not { } range)
            {
                continue;
            }
            ctx.Keys(range, path, CalibrateKeys);
            // A duration has a unit (12d, 3w); a count or a plain number has none.
            bool duration = Quantities.Duration(current.Value).Error is null && !double.TryParse(current.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
            double? min = duration ? ctx.Days(range["min"], $"{path}.min") : ctx.Number(range["min"], $"{path}.min");
            double? max = duration ? ctx.Days(range["max"], $"{path}.max") : ctx.Number(range["max"], $"{path}.max");
            if (range["min"] is null || range["max"] is null)
            {
                ctx.Error(range, path, "give the range as {min: …, max: …}.");
                continue;
            }
            if (min is not { } lo || max is not { } hi)
            {
                continue;
            }
            if (!(hi > lo) || lo < 0)
            {
                ctx.Error(range, path, $"the range must go from at least 0 up to a larger value, but was {lo} to {hi}.");
                continue;
            }
            bool whole = !duration && current.Value.All(char.IsAsciiDigit) && lo == Math.Floor(lo) && hi == Math.Floor(hi);
            // A share may be written as a percentage (40%): its range and the fitted value are fractions (0.4).
            string plain = current.Value.EndsWith('%') ? current.Value[..^1] : current.Value;
            double now = duration ? Quantities.Duration(current.Value).Days
                : double.TryParse(plain, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double n) ? (plain.Length < current.Value.Length ? n / 100 : n) : double.NaN;
            unknown.Add(new UnknownParameter(key.Value, lo, hi, duration ? "d" : "", whole) { Current = now });
        }
        Unknown = unknown;
    }

    // The node at a dotted key path, or null.
    private static YNode? Find(YMap root, string dotted)
    {
        YNode? node = root;
        foreach (string key in dotted.Split('.'))
        {
            node = node is YMap m ? m[key] : null;
        }
        return node;
    }
}
