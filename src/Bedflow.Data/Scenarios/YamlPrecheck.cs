using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// One pass over the YAML events before the tree is built, for what the tree cannot show: how
/// far aliases expand (a "billion laughs" file is a few lines that expand to billions of
/// values), an alias inside the node it names (a loop), and where an unclosed bracket opened.
/// Linear in the length of the text whatever the aliases.
/// </summary>
internal static class YamlPrecheck
{
    /// <summary>
    /// At most this many values may be brought in through aliases (each alias counts the values
    /// of the node it repeats, nested aliases included). A scenario that shares a list of
    /// twelve monthly factors a hundred times uses 1,300.
    /// </summary>
    public const int MaxAliasedValues = 10_000;

    /// <summary>The first problem found, or null; a file the parser rejects for another reason is left to the parser.</summary>
    public static ScenarioProblem? Check(string text, string display)
    {
        var open = new List<(long Values, string? Anchor, Mark Start, bool Flow, char Bracket)>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var inside = new HashSet<string>(StringComparer.Ordinal);
        long aliased = 0;
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case SequenceStart s:
                        Open(s.Anchor, s.Start, s.Style == SequenceStyle.Flow, '[');
                        break;
                    case MappingStart m:
                        Open(m.Anchor, m.Start, m.Style == MappingStyle.Flow, '{');
                        break;
                    case SequenceEnd or MappingEnd:
                        var (values, anchor, _, _, _) = open[^1];
                        open.RemoveAt(open.Count - 1);
                        if (anchor is not null)
                        {
                            sizes[anchor] = values;
                            inside.Remove(anchor);
                        }
                        Add(values);
                        break;
                    case Scalar sc:
                        if (!sc.Anchor.IsEmpty)
                        {
                            sizes[sc.Anchor.Value] = 1;
                        }
                        Add(1);
                        break;
                    case AnchorAlias a:
                        string name = a.Value.Value;
                        if (inside.Contains(name))
                        {
                            return At(display, a.Start, $"the alias *{name} is inside the node &{name} it repeats, so it would repeat itself for ever: write the values out.");
                        }
                        if (!sizes.TryGetValue(name, out long size))
                        {
                            return At(display, a.Start, $"the alias *{name} repeats nothing: no value before it is marked &{name}.");
                        }
                        aliased += size;
                        if (aliased > MaxAliasedValues)
                        {
                            return At(display, a.Start, $"aliases (*name) bring in more than {MaxAliasedValues:N0} values (this one brings {size:N0}): a scenario needs nothing like so many; write the values out or use fewer aliases.");
                        }
                        Add(size);
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // YamlDotNet reports an unclosed bracket at the end of the file, or without a position at all.
            bool bracket = e is InvalidOperationException || (e is YamlException y && y.Start.Index >= text.TrimEnd().Length)
                || e.Message.Contains("flow sequence", StringComparison.Ordinal) || e.Message.Contains("flow mapping", StringComparison.Ordinal);
            if (bracket && open.FindLastIndex(o => o.Flow) is int i and >= 0)
            {
                var (_, _, start, _, b) = open[i];
                char close = b == '[' ? ']' : '}';
                return At(display, start, $"this is not valid YAML: the '{b}' opened here is never closed with '{close}' (or an item inside it is not followed by a comma).");
            }
        }
        return null;

        void Open(AnchorName anchor, YamlDotNet.Core.Mark start, bool flow, char bracket)
        {
            string? name = anchor.IsEmpty ? null : anchor.Value;
            if (name is not null)
            {
                inside.Add(name);
            }
            open.Add((1, name, new Mark((int)start.Line, (int)start.Column), flow, bracket));
        }

        void Add(long values)
        {
            if (open.Count > 0)
            {
                var top = open[^1];
                open[^1] = top with { Values = top.Values + values };
            }
        }
    }

    private static ScenarioProblem At(string display, YamlDotNet.Core.Mark start, string message) =>
        new(display, (int)start.Line, (int)start.Column, "", message);

    private static ScenarioProblem At(string display, Mark start, string message) =>
        new(display, start.Line, start.Column, "", message);
}
