using System.Globalization;
using Bedflow.Core.Experiments;

namespace Bedflow.Data.Scenarios;

internal sealed partial class ScenarioReader
{
    /// <summary>The parameters whose uncertainty the scenario states (the <c>uncertainty:</c> section, docs/scenario-reference.md); none when absent.</summary>
    public IReadOnlyList<UncertainParameter> Uncertainty { get; private set; } = [];

    /// <summary>
    /// <c>uncertainty: {services.x.length_of_stay.lognormal.mean: {mean: 5d, ci95: [4d, 6.2d]},
    /// services.x.capacity: {min: 40, max: 60}, routing.acute.frail: {n: 812}}</c>: each key a
    /// single value of this file (as a variant's <c>set</c> names it) or a route, each value in
    /// the kind of the value it stands for (a duration, a rate or a number).
    /// </summary>
    private void ReadUncertainty(YMap root)
    {
        if (ctx.Map(root["uncertainty"], "uncertainty") is not { } map)
        {
            return;
        }
        var list = new List<UncertainParameter>();
        foreach (var (key, value) in map.Entries)
        {
            string path = $"uncertainty.{ReadContext.Shown(key.Value)}";
            if (list.Any(p => p.Path == key.Value))
            {
                continue; // YAML refuses a duplicate key before this.
            }
            if (ctx.Map(value, path, required: true) is not { } spec)
            {
                continue;
            }
            if (key.Value.StartsWith("routing.", StringComparison.Ordinal))
            {
                if (Route(root, key, spec, path) is { } route)
                {
                    list.Add(route);
                }
                continue;
            }
            if (Find(root, key.Value) is not YScalar current || current.IsNull)
            {
                ctx.Error(key, path, $"'{ReadContext.Shown(key.Value)}' is not a single value in this file: name a value such as services.acute.length_of_stay.lognormal.mean or services.reablement.capacity, or a route such as routing.acute.frail.");
                continue;
            }
            if (Scalar(key, current, spec, path) is { } parameter)
            {
                list.Add(parameter);
            }
        }
        Uncertainty = list;
    }

    private UncertainParameter? Scalar(YScalar key, YScalar current, YMap spec, string path)
    {
        ctx.Keys(spec, path, ["mean", "ci95", "min", "max"]);
        string text = current.Value;
        bool number = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double plain);
        string unit = number ? "" : Quantities.Rate(text).Error is null ? "/d" : Quantities.Duration(text).Error is null ? "d" : "?";
        if (unit == "?")
        {
            ctx.Error(key, path, $"'{ReadContext.Shown(key.Value)}' is '{text}', not a number, a duration or a rate: only those can be drawn.");
            return null;
        }
        double? Value(YNode? node, string at) => unit switch { "d" => ctx.Days(node, at), "/d" => ctx.Rate(node, at), _ => ctx.Number(node, at) };
        bool whole = number && text.All(char.IsAsciiDigit);
        bool lognormal = spec["mean"] is not null || spec["ci95"] is not null;
        bool uniform = spec["min"] is not null || spec["max"] is not null;
        if (lognormal == uniform)
        {
            ctx.Error(spec, path, "give either {mean: …, ci95: [low, high]} (drawn lognormally) or {min: …, max: …} (drawn uniformly).");
            return null;
        }
        if (uniform)
        {
            if (spec["min"] is null || spec["max"] is null)
            {
                ctx.Error(spec, path, "give the range as {min: …, max: …}.");
                return null;
            }
            if (Value(spec["min"], $"{path}.min") is not { } lo || Value(spec["max"], $"{path}.max") is not { } hi)
            {
                return null;
            }
            if (!(hi > lo) || lo < 0)
            {
                ctx.Error(spec, path, string.Create(CultureInfo.InvariantCulture, $"the range must go from at least 0 up to a larger value, but was {lo:G6} to {hi:G6}."));
                return null;
            }
            return new UncertainParameter(key.Value, UncertaintyForm.Uniform) { Lower = lo, Upper = hi, Centre = (lo + hi) / 2, Whole = whole, Unit = unit };
        }
        if (spec["mean"] is null || spec["ci95"] is not YSeq { Items.Count: 2 } ci)
        {
            ctx.Error(spec["ci95"] ?? spec, spec["mean"] is null ? $"{path}.mean" : $"{path}.ci95", "give the value and its 95% interval as {mean: …, ci95: [low, high]}.");
            return null;
        }
        double? mean = Value(spec["mean"], $"{path}.mean");
        double? low = Value(ci.Items[0], $"{path}.ci95"), high = Value(ci.Items[1], $"{path}.ci95");
        if (mean is not { } m || low is not { } l || high is not { } h)
        {
            return null;
        }
        if (!(l > 0))
        {
            ctx.Error(ci, $"{path}.ci95", string.Create(CultureInfo.InvariantCulture, $"a value drawn lognormally must be above 0, so its interval's lower end must be too, but was {l:G6}: give {{min, max}} for a range that reaches 0."));
            return null;
        }
        if (!(l < h) || m < l || m > h)
        {
            ctx.Error(ci, $"{path}.ci95", string.Create(CultureInfo.InvariantCulture, $"the interval must rise and contain the mean {m:G6}, but was [{l:G6}, {h:G6}]."));
            return null;
        }
        double fileValue = unit switch { "d" => Quantities.Duration(text).Days, "/d" => Quantities.Rate(text).PerDay, _ => plain };
        if (fileValue < l || fileValue > h)
        {
            ctx.Warning(key, path, string.Create(CultureInfo.InvariantCulture, $"the file's value {text} lies outside its own 95% interval [{l:G6}, {h:G6}]: the central run uses the file's value, the draws centre on {m:G6}."));
        }
        return new UncertainParameter(key.Value, UncertaintyForm.LogNormal) { Centre = m, Lower = l, Upper = h, Whole = whole, Unit = unit };
    }

    private UncertainParameter? Route(YMap root, YScalar key, YMap spec, string path)
    {
        ctx.Keys(spec, path, ["n"], ["n"]);
        if (Find(root, key.Value) is not YMap route || route.Entries.Count == 0 || route.Entries.Any(e => e.Value is not YScalar))
        {
            ctx.Error(key, path, $"'{ReadContext.Shown(key.Value)}' is not a route's probabilities in this file (a mapping of destinations to shares, such as routing.acute.frail).");
            return null;
        }
        if (spec["n"] is null || ctx.Number(spec["n"], $"{path}.n") is not { } n)
        {
            return null;
        }
        if (!(n >= 1))
        {
            ctx.Error(spec["n"], $"{path}.n", string.Create(CultureInfo.InvariantCulture, $"n is how many patients the shares were observed from: at least 1, but was {n:G6}."));
            return null;
        }
        var shares = new List<(string, double)>();
        foreach (var (to, p) in route.Entries)
        {
            if (Quantities.Number(((YScalar)p).Value.TrimEnd('%')) is { Error: null } v)
            {
                shares.Add((to.Value, ((YScalar)p).Value.EndsWith('%') ? v.Value / 100 : v.Value));
            }
        }
        return shares.Count == route.Entries.Count
            ? new UncertainParameter(key.Value, UncertaintyForm.Dirichlet) { Observed = n, Shares = shares }
            : null; // the route's own reading says what is wrong with a share
    }
}
