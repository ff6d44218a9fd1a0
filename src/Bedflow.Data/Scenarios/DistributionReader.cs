using Bedflow.Core.Distributions;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// Distributions written as a one-key mapping naming the family: <c>{lognormal: {mean: 6d, sd: 8d}}</c>,
/// <c>{exponential: {mean: 14d}}</c>, <c>{deterministic: 3d}</c>, <c>{gamma: {shape: 2, scale: 5d}}</c>,
/// <c>{weibull: {shape: 0.9, scale: 220d}}</c>, <c>{erlang: {k: 3, mean: 9d}}</c>,
/// <c>{uniform: {min: 1d, max: 3d}}</c>, <c>{triangular: {min: 1d, mode: 2d, max: 5d}}</c>,
/// <c>{empirical: [2d, 3d, 10d]}</c>, <c>{mixture: [{weight: 0.7, of: {…}}, …]}</c>.
/// Durations need units unless the quantity is a plain count (e.g. carer hours per package).
/// </summary>
internal static class DistributionReader
{
    public static readonly string[] Families = ["exponential", "deterministic", "lognormal", "gamma", "weibull", "erlang", "uniform", "triangular", "empirical", "mixture"];

    public static Distribution? Read(ReadContext ctx, YNode? node, string path, bool inDays)
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
        double? Q(YMap m, string k) => inDays ? ctx.Days(m[k], ReadContext.Join(p, k)) : ctx.Number(m[k], ReadContext.Join(p, k));
        try
        {
            switch (family)
            {
                case "deterministic":
                    return (body is YMap dm ? Q(dm, "value") : inDays ? ctx.Days(body, p) : ctx.Number(body, p)) is { } v ? Distribution.Deterministic(v) : null;
                case "empirical":
                    if (body is not YSeq seq || seq.Items.Count == 0)
                    {
                        ctx.Error(body, p, "empirical needs a list of observed values, such as [2d, 3d, 10d].");
                        return null;
                    }
                    var values = seq.Items.Select((item, i) => inDays ? ctx.Days(item, $"{p}[{i}]") : ctx.Number(item, $"{p}[{i}]")).ToList();
                    return values.All(v => v is not null) ? Distribution.Empirical(values.Select(v => v!.Value)) : null;
                case "mixture":
                    return Mixture(ctx, body, p, inDays);
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
                    return Q(m, "mean") is { } mean ? Distribution.Exponential(mean) : null;
                case "lognormal":
                    ctx.Keys(m, p, ["mean", "sd"], ["mean", "sd"]);
                    return (Q(m, "mean"), Q(m, "sd")) is ({ } lm, { } ls) ? Distribution.LogNormal(lm, ls) : null;
                case "gamma":
                    ctx.Keys(m, p, ["shape", "scale"], ["shape", "scale"]);
                    return (ctx.Number(m["shape"], $"{p}.shape"), Q(m, "scale")) is ({ } gs, { } gc) ? Distribution.Gamma(gs, gc) : null;
                case "weibull":
                    ctx.Keys(m, p, ["shape", "scale"], ["shape", "scale"]);
                    return (ctx.Number(m["shape"], $"{p}.shape"), Q(m, "scale")) is ({ } ws, { } wc) ? Distribution.Weibull(ws, wc) : null;
                case "erlang":
                    ctx.Keys(m, p, ["k", "mean"], ["k", "mean"]);
                    if (ctx.Integer(m["k"], $"{p}.k") is > 1000 and var big)
                    {
                        ctx.Error(m["k"], $"{p}.k", $"an Erlang distribution with more than 1,000 phases is as good as deterministic: use deterministic (k was {big:N0}).");
                        return null;
                    }
                    return (ctx.Integer(m["k"], $"{p}.k"), Q(m, "mean")) is ({ } k, { } em) ? Distribution.Erlang(k, em) : null;
                case "uniform":
                    ctx.Keys(m, p, ["min", "max"], ["min", "max"]);
                    return (Q(m, "min"), Q(m, "max")) is ({ } a, { } b) ? Distribution.Uniform(a, b) : null;
                case "triangular":
                    ctx.Keys(m, p, ["min", "mode", "max"], ["min", "mode", "max"]);
                    return (Q(m, "min"), Q(m, "mode"), Q(m, "max")) is ({ } t0, { } t1, { } t2) ? Distribution.Triangular(t0, t1, t2) : null;
                default:
                    ctx.Error(key, p, $"unknown distribution '{family}'.{Suggest.DidYouMean(family, Families)} Families: {string.Join(", ", Families)}.");
                    return null;
            }
        }
        catch (ArgumentException e)
        {
            // The distribution's own check (e.g. a negative mean): a user mistake, reported with its place.
            ctx.Error(body, p, FirstLine(e.Message));
            return null;
        }
    }

    private static Distribution? Mixture(ReadContext ctx, YNode body, string p, bool inDays)
    {
        if (body is not YSeq seq || seq.Items.Count == 0)
        {
            ctx.Error(body, p, "a mixture needs a list of parts, such as [{weight: 0.7, of: {exponential: {mean: 5d}}}, …].");
            return null;
        }
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
            var w = ctx.Number(part["weight"], $"{ip}.weight");
            var d = Read(ctx, part["of"], $"{ip}.of", inDays);
            if (w is null || d is null)
            {
                ok = false;
                continue;
            }
            parts.Add((w.Value, d));
        }
        return ok ? Distribution.Mixture(parts) : null;
    }

    private static string FirstLine(string message)
    {
        int i = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return (i >= 0 ? message[..i] : message.Split('\n')[0]).Trim();
    }
}
