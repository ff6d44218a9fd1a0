using Bedflow.Core.Distributions;
using Bedflow.Core.Model;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// Distributions written as a one-key mapping naming the family: <c>{lognormal: {mean: 6d, sd: 8d}}</c>,
/// <c>{exponential: {mean: 14d}}</c>, <c>{deterministic: 3d}</c>, <c>{gamma: {shape: 2, scale: 5d}}</c>,
/// <c>{weibull: {shape: 0.9, scale: 220d}}</c>, <c>{erlang: {k: 3, mean: 9d}}</c>,
/// <c>{uniform: {min: 1d, max: 3d}}</c>, <c>{triangular: {min: 1d, mode: 2d, max: 5d}}</c>,
/// <c>{empirical: [2d, 3d, 10d]}</c>, <c>{mixture: [{weight: 0.7, of: {…}}, …]}</c>.
/// Durations need units unless the quantity is a plain count (e.g. carer hours per package).
/// Each parameter is recorded at its key (<c>sd</c> is the model's standard deviation, <c>k</c>
/// its phases); the family's own checks (<see cref="DistributionProblems"/>) come back as data and
/// are placed there, so no mistake in the file travels as an exception.
/// </summary>
internal static class DistributionReader
{
    public static readonly string[] Families = ["exponential", "deterministic", "lognormal", "gamma", "weibull", "erlang", "uniform", "triangular", "empirical", "mixture"];

    /// <summary>The distribution at <paramref name="node"/>, read as the model's distribution at <paramref name="at"/>; null (and problems) when it cannot be.</summary>
    public static Distribution? Read(ReadContext ctx, ModelPlaces places, YNode? node, string path, ModelPath at, bool inDays)
    {
        var map = ctx.Map(node, path);
        if (map is null)
        {
            return null;
        }
        if (map.Entries.Count != 1)
        {
            ctx.Error(map, path, $"a distribution is one family with its parameters, such as {{lognormal: {{mean: 6d, sd: 8d}}}}; families: {string.Join(", ", Families)}.");
            return null;
        }
        var (key, body) = map.Entries[0];
        string family = key.Value;
        string p = ReadContext.Join(path, family);

        // A parameter read from key k of m, recorded as the model's parameter.
        double? Q(YMap m, string k, DistributionParameter parameter, bool duration = true)
        {
            places.Entry(at.Parameter(parameter), m, k, $"{p}.{k}");
            return inDays && duration ? ctx.Days(m[k], $"{p}.{k}") : ctx.Number(m[k], $"{p}.{k}");
        }
        // The family's checks, placed at the parameters; the factory only when there are none.
        Distribution? Make(IReadOnlyList<DistributionProblem> problems, Func<Distribution> make)
        {
            foreach (var problem in problems)
            {
                ctx.Report(ModelProblem.Of(at, problem), places);
            }
            return problems.Count == 0 ? make() : null;
        }

        switch (family)
        {
            case "deterministic":
                double? v;
                if (body is YMap dm)
                {
                    v = Q(dm, "value", DistributionParameter.Value);
                }
                else
                {
                    places.Entry(at.Parameter(DistributionParameter.Value), map, family, p);
                    v = inDays ? ctx.Days(body, p) : ctx.Number(body, p);
                }
                return v is { } value ? Make(DistributionProblems.Deterministic(value), () => Distribution.Deterministic(value)) : null;
            case "empirical":
                if (body is not YSeq seq || seq.Items.Count == 0)
                {
                    ctx.Error(body, p, "empirical needs a list of observed values, such as [2d, 3d, 10d].");
                    return null;
                }
                places.Entry(at.Parameter(DistributionParameter.Values), map, family, p);
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    places.Add(at.Parameter(DistributionParameter.Values, i), seq.Items[i], $"{p}[{i}]");
                }
                var values = seq.Items.Select((item, i) => inDays ? ctx.Days(item, $"{p}[{i}]") : ctx.Number(item, $"{p}[{i}]")).ToList();
                if (values.Any(x => x is null))
                {
                    return null;
                }
                double[] observed = [.. values.Select(x => x!.Value)];
                return Make(DistributionProblems.Empirical(observed), () => Distribution.Empirical(observed));
            case "mixture":
                return Mixture(ctx, places, map, body, p, at, inDays);
        }
        var m = ctx.Map(body, p, required: true);
        if (m is null)
        {
            return null;
        }
        switch (family)
        {
            case "exponential":
                ctx.Keys(m, p, ["mean"], ["mean"]);
                return Q(m, "mean", DistributionParameter.Mean) is { } mean ? Make(DistributionProblems.Exponential(mean), () => Distribution.Exponential(mean)) : null;
            case "lognormal":
                ctx.Keys(m, p, ["mean", "sd"], ["mean", "sd"]);
                return (Q(m, "mean", DistributionParameter.Mean), Q(m, "sd", DistributionParameter.StandardDeviation)) is ({ } lm, { } ls)
                    ? Make(DistributionProblems.LogNormal(lm, ls), () => Distribution.LogNormal(lm, ls)) : null;
            case "gamma":
                ctx.Keys(m, p, ["shape", "scale"], ["shape", "scale"]);
                return (Q(m, "shape", DistributionParameter.Shape, duration: false), Q(m, "scale", DistributionParameter.Scale)) is ({ } gs, { } gc)
                    ? Make(DistributionProblems.Gamma(gs, gc), () => Distribution.Gamma(gs, gc)) : null;
            case "weibull":
                ctx.Keys(m, p, ["shape", "scale"], ["shape", "scale"]);
                return (Q(m, "shape", DistributionParameter.Shape, duration: false), Q(m, "scale", DistributionParameter.Scale)) is ({ } ws, { } wc)
                    ? Make(DistributionProblems.Weibull(ws, wc), () => Distribution.Weibull(ws, wc)) : null;
            case "erlang":
                ctx.Keys(m, p, ["k", "mean"], ["k", "mean"]);
                places.Entry(at.Parameter(DistributionParameter.Phases), m, "k", $"{p}.k");
                if (ctx.Integer(m["k"], $"{p}.k") is > 1000 and var big)
                {
                    ctx.Error(m["k"], $"{p}.k", $"an Erlang distribution with more than 1,000 phases is as good as deterministic: use deterministic (k was {big:N0}).");
                    return null;
                }
                return (ctx.Integer(m["k"], $"{p}.k"), Q(m, "mean", DistributionParameter.Mean)) is ({ } k, { } em)
                    ? Make(DistributionProblems.Erlang(k, em), () => Distribution.Erlang(k, em)) : null;
            case "uniform":
                ctx.Keys(m, p, ["min", "max"], ["min", "max"]);
                return (Q(m, "min", DistributionParameter.Min), Q(m, "max", DistributionParameter.Max)) is ({ } a, { } b)
                    ? Make(DistributionProblems.Uniform(a, b), () => Distribution.Uniform(a, b)) : null;
            case "triangular":
                ctx.Keys(m, p, ["min", "mode", "max"], ["min", "mode", "max"]);
                return (Q(m, "min", DistributionParameter.Min), Q(m, "mode", DistributionParameter.Mode), Q(m, "max", DistributionParameter.Max)) is ({ } t0, { } t1, { } t2)
                    ? Make(DistributionProblems.Triangular(t0, t1, t2), () => Distribution.Triangular(t0, t1, t2)) : null;
            default:
                ctx.Error(key, p, $"unknown distribution '{family}'.{Suggest.DidYouMean(family, Families)} Families: {string.Join(", ", Families)}.");
                return null;
        }
    }

    private static Distribution? Mixture(ReadContext ctx, ModelPlaces places, YMap map, YNode body, string p, ModelPath at, bool inDays)
    {
        if (body is not YSeq seq || seq.Items.Count == 0)
        {
            ctx.Error(body, p, "a mixture needs a list of parts, such as [{weight: 0.7, of: {exponential: {mean: 5d}}}, …].");
            return null;
        }
        places.Entry(at.Parameter(DistributionParameter.Parts), map, "mixture", p);
        var parts = new List<(double, Distribution)>();
        bool ok = true;
        for (int i = 0; i < seq.Items.Count; i++)
        {
            string ip = $"{p}[{i}]";
            var part = ctx.Map(seq.Items[i], ip, required: true);
            if (part is null)
            {
                ok = false;
                continue;
            }
            ctx.Keys(part, ip, ["weight", "of"], ["weight", "of"]);
            places.Entry(at.Parameter(DistributionParameter.Weight, i), part, "weight", $"{ip}.weight");
            var component = places.Entry(at.Parameter(DistributionParameter.Component, i), part, "of", $"{ip}.of");
            var w = ctx.Number(part["weight"], $"{ip}.weight");
            var d = Read(ctx, places, part["of"], $"{ip}.of", component, inDays);
            if (w is null || d is null)
            {
                ok = false;
                continue;
            }
            parts.Add((w.Value, d));
        }
        if (!ok)
        {
            return null;
        }
        var checks = DistributionProblems.Mixture([.. parts.Select(x => x.Item1)]);
        foreach (var problem in checks)
        {
            ctx.Report(ModelProblem.Of(at, problem), places);
        }
        return checks.Count == 0 ? Distribution.Mixture(parts) : null;
    }
}
