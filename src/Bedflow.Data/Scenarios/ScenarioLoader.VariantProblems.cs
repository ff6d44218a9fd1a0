namespace Bedflow.Data.Scenarios;

internal static partial class ScenarioLoader
{
    /// <summary>
    /// Problems found in a variant's edited copy that the baseline does not have are said as the
    /// variant's, at the key it changed (<c>variants.v.set.services.acute.capacity</c>) when the
    /// problem is at, above or below that key. Problems the baseline has too are said once, as the baseline's.
    /// </summary>
    private static void NameVariant(ReadContext ctx, int from, string name, List<VariantChange> targets, HashSet<string> baselineProblems)
    {
        for (int k = from; k < ctx.Problems.Count; k++)
        {
            var p = ctx.Problems[k];
            if (baselineProblems.Contains(p.ToString()))
            {
                continue;
            }
            var hit = targets.Find(t => p.Path == t.Target || p.Path.StartsWith(t.Target + ".", StringComparison.Ordinal) || t.Target.StartsWith(p.Path + ".", StringComparison.Ordinal));
            bool deeper = hit is not null && p.Path.Length > hit.Target.Length;
            bool keep = hit is not null && (deeper || p.Line == hit.At.Line);
            ctx.Problems[k] = hit is null
                ? p with { Message = $"in variant '{name}': {p.Message}" }
                : p with
                {
                    Path = hit.Deeper && deeper ? hit.Source + p.Path[hit.Target.Length..] : hit.Source,
                    Message = $"in variant '{name}', which {hit.Verb}: {p.Message}",
                    // A problem above the key set (routing that no longer sums to 1) is placed at the variant's key, not the baseline's line.
                    Line = keep ? p.Line : hit.At.Line,
                    Column = keep ? p.Column : hit.At.Column,
                };
        }
    }
}

/// <summary>A key a variant changes: its dotted path, where the variant says so, and how to say it.</summary>
internal sealed record VariantChange(string Target, string Source, string Verb, bool Deeper, Mark At);
