using System.Text.RegularExpressions;
using Bedflow.Data.Register;

namespace Bedflow.Data.Scenarios;

// A scenario models services, not patients: a name, a description or a key that holds what looks
// like an NHS number is refused at its line — it would otherwise travel into the board pack, the
// results, the console and the web's pages, where every viewer reads it.
internal static partial class ScenarioLoader
{
    /// <summary>What the refusal says (the value itself is never echoed).</summary>
    public const string IdentifierProblem = "holds what looks like an NHS number (ten digits, however grouped): a scenario describes services, never patients; take it out.";

    // The keys whose values are words, never amounts: a number there is checked too.
    private static readonly HashSet<string> Labels = new(["name", "description"], StringComparer.Ordinal);

    private static void RefuseIdentifiers(ReadContext ctx, YNode node, string path, bool label = false)
    {
        switch (node)
        {
            case YMap map:
                foreach (var (key, value) in map.Entries)
                {
                    string at = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
                    if (NumberLike(key.Value))
                    {
                        ctx.Error(key, NhsNumber.Redact(at), "this key " + IdentifierProblem);
                        continue;
                    }
                    RefuseIdentifiers(ctx, value, at, Labels.Contains(key.Value));
                }
                break;
            case YSeq seq:
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    RefuseIdentifiers(ctx, seq.Items[i], $"{path}[{i}]");
                }
                break;
            case YScalar scalar when (label || !IsAmount(scalar.Value)) && NumberLike(scalar.Value):
                ctx.Error(scalar, path, "the value " + IdentifierProblem);
                break;
        }
    }

    // A number, an amount or a quantity as the reader takes them — "1500000000", "£1,500,000,000", "£2000000k",
    // "12000000000/y", "3d", "65%" — is not a patient: a budget of £1.5bn written without commas is money. Only
    // the units the reader knows count (a number with any other letters after it is text).
    private static bool IsAmount(string text) => Amount().IsMatch(text);

    [GeneratedRegex(@"^\s*-?\s*£?\s*-?\s*[0-9][0-9,_]*(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?\s*(?:k|m|bn|h|d|w|y|%|/\s*(?:d|w|y))?\s*$")]
    private static partial Regex Amount();

    // What looks like an NHS number, grouped by thousands commas too ("9,434,765,919", as a number is often written).
    private static bool NumberLike(string text) =>
        NhsNumber.ContainsNumberLike(text) || ScenarioProblem.Grouped().Matches(text).Any(m => ScenarioProblem.IsNhsNumber(m.Value));
}
