using System.Globalization;
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
                    if (NhsNumber.ContainsNumberLike(key.Value))
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
            case YScalar scalar when (label || !IsAmount(scalar.Value)) && NhsNumber.ContainsNumberLike(scalar.Value):
                ctx.Error(scalar, path, "the value " + IdentifierProblem);
                break;
        }
    }

    // A number, an amount or a quantity — "1500000000", "£1500000000", "£2000000000k", "12000000000/y" — is not
    // a patient: a budget of £1,500,000,000 written without commas is money. (Its own reader says if it is too large.)
    private static bool IsAmount(string text)
    {
        string t = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        t = t.StartsWith('£') || t.StartsWith('-') ? t[1..] : t;
        int end = t.Length;
        while (end > 0 && (char.IsAsciiLetter(t[end - 1]) || t[end - 1] is '/' or '%'))
        {
            end--;
        }
        return end > 0 && double.TryParse(t[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }
}
