using System.Text;
using YamlDotNet.RepresentationModel;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// One value to put into a scenario file: the key path (<c>services.acute.length_of_stay</c>), the
/// new value as YAML flow text (<c>{gamma: {shape: 1.8, scale: 2.4d}}</c>), and a comment to keep
/// beside it saying where the value came from.
/// </summary>
/// <param name="Path">Dotted key path; every key but the last must exist.</param>
/// <param name="Value">The value, as YAML flow text on one line.</param>
/// <param name="Comment">Why: written after the value as <c># …</c> (one line).</param>
public sealed record ScenarioEdit(string Path, string Value, string Comment)
{
    /// <summary>The keys from the top, one per level: <see cref="Path"/> split at its dots unless given (a key may hold dots itself, as the <c>uncertainty:</c> section's do).</summary>
    public IReadOnlyList<string> Keys { get; init; } = Path.Split('.');

    /// <summary>Whether the top-level section (the first key) may be added, at the end of the file, when the file lacks it.</summary>
    public bool AddsSection { get; init; }

    /// <summary>
    /// An entry <paramref name="key"/> of the top-level <paramref name="section"/> (added when
    /// missing), whose key is taken whole, dots and all: <c>uncertainty</c> /
    /// <c>services.acute.length_of_stay.gamma.scale</c>.
    /// </summary>
    public static ScenarioEdit Entry(string section, string key, string value, string comment) =>
        new($"{section}.{key}", value, comment) { Keys = [section, key], AddsSection = true };
}

/// <summary>
/// Puts values into a scenario file's text in place — the rest of the file, its order, layout and
/// comments, as the user wrote it — so that a calibrated scenario is the user's own file with its
/// fitted values changed and each one's source beside it. A value that is there is replaced (a
/// block value by a flow value on its first line); a key that is not is added at the end of its
/// mapping. Thread-safe.
/// </summary>
public static class ScenarioPatch
{
    /// <summary>The file's text with every edit made, in the order given (each path once).</summary>
    /// <exception cref="ArgumentException">A path's parent is missing or not a mapping, a path is given twice, or a value or comment spans lines.</exception>
    public static string Apply(string text, IReadOnlyList<ScenarioEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        if (edits.GroupBy(e => e.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"'{twice.Key}' is edited twice.", nameof(edits));
        }
        // A file written on Windows keeps its line ends: edited with \n, given back with \r\n throughout.
        bool crlf = text.Contains("\r\n", StringComparison.Ordinal);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var edit in edits)
        {
            if (edit.Value.Contains('\n', StringComparison.Ordinal) || edit.Comment.Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException($"the edit of '{edit.Path}' spans lines: a value and its comment are one line each.", nameof(edits));
            }
            string patched;
            try
            {
                patched = Apply(text, edit);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new ArgumentException($"the file cannot be edited at '{edit.Path}': {e.Message}", nameof(text), e);
            }
            // Read back: the file still parses, and the path holds the value given — or the edit is refused.
            if (!Holds(patched, edit))
            {
                throw new ArgumentException($"putting '{edit.Value}' at '{edit.Path}' would not leave that value there (a comment or a block value in the way): edit the file by hand.", nameof(edits));
            }
            text = patched;
        }
        return crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
    }

    // Whether the file's text parses and holds the edit's value at its path, structurally.
    private static bool Holds(string text, ScenarioEdit edit)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            YamlNode? node = stream.Documents[0].RootNode;
            foreach (string key in edit.Keys)
            {
                node = node is YamlMappingNode m ? Child(m, key) : null;
            }
            var expected = new YamlStream();
            expected.Load(new StringReader("v: " + edit.Value));
            return node is not null && Same(node, ((YamlMappingNode)expected.Documents[0].RootNode).Children[new YamlScalarNode("v")]);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return false;
        }
    }

    private static bool Same(YamlNode a, YamlNode b) => (a, b) switch
    {
        (YamlScalarNode x, YamlScalarNode y) => x.Value == y.Value,
        (YamlSequenceNode x, YamlSequenceNode y) => x.Children.Count == y.Children.Count && x.Children.Zip(y.Children).All(p => Same(p.First, p.Second)),
        (YamlMappingNode x, YamlMappingNode y) => x.Children.Count == y.Children.Count
            && x.Children.Zip(y.Children).All(p => Same(p.First.Key, p.Second.Key) && Same(p.First.Value, p.Second.Value)),
        _ => false,
    };

    /// <summary>The scalar at a dotted key path in the file's text, as written; null when there is none.</summary>
    public static string? Value(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        YamlNode? node = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        foreach (string key in path.Split('.'))
        {
            node = node is YamlMappingNode m ? Child(m, key) : null;
        }
        return (node as YamlScalarNode)?.Value;
    }

    /// <summary>The keys and scalar values (null for a collection) of the mapping at the dotted <paramref name="path"/>; empty when there is none.</summary>
    public static IReadOnlyList<(string Key, string? Value)> Children(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        YamlNode? node = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        foreach (string key in path.Split('.'))
        {
            node = node is YamlMappingNode m ? Child(m, key) : null;
        }
        return node is YamlMappingNode map
            ? [.. map.Children.Where(kv => kv.Key is YamlScalarNode).Select(kv => (((YamlScalarNode)kv.Key).Value ?? "", (kv.Value as YamlScalarNode)?.Value))]
            : [];
    }

    private static string Apply(string text, ScenarioEdit edit)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new ArgumentException("the file's top level is not a mapping.", nameof(text));
        string[] keys = [.. edit.Keys];
        string comment = $"  # {edit.Comment}";
        if (edit.AddsSection && keys.Length == 2 && Child(root, keys[0]) is null)
        {
            return Section(text, root, keys[0], $"{keys[1]}: {edit.Value}{comment}");
        }
        var parent = root;
        for (int i = 0; i < keys.Length - 1; i++)
        {
            parent = Child(parent, keys[i]) as YamlMappingNode
                ?? throw new ArgumentException($"'{string.Join('.', keys[..(i + 1)])}' is not a mapping in the file: cannot put '{edit.Path}' there.", nameof(edit));
        }
        if (Anchored(root, keys) is { } anchored)
        {
            throw new ArgumentException($"'{anchored}' is a YAML anchor or alias (&name, *name), which other places of the file share: edit '{edit.Path}' by hand.", nameof(edit));
        }
        if (Child(parent, keys[^1]) is { } node)
        {
            int start = (int)node.Start.Index;
            int end = LastEnd(node, text);
            int lineEnd = text.IndexOf('\n', end) is var n and >= 0 ? n : text.Length;
            string rest = text[end..lineEnd].Trim();
            if (rest.Length == 0 || rest.StartsWith(Ours, StringComparison.Ordinal))
            {
                // Nothing after the value on its line, or an earlier fit's comment, which this one replaces.
                return string.Concat(text.AsSpan(0, start), edit.Value, comment, text.AsSpan(lineEnd));
            }
            // More of a flow value follows on the line, or the user's own comment: both stay, and the
            // source goes on a line of its own just above, naming the key (an earlier fit's line replaced).
            return Above(string.Concat(text.AsSpan(0, start), edit.Value, text.AsSpan(end)), start, keys[^1], edit.Comment);
        }
        if (parent.Style == YamlDotNet.Core.Events.MappingStyle.Flow)
        {
            int close = LastEnd(parent, text) - 1; // the closing brace
            string separator = parent.Children.Count > 0 ? ", " : "";
            int lineEnd = text.IndexOf('\n', close) is var n and >= 0 ? n : text.Length;
            return text[..close] + $"{separator}{keys[^1]}: {edit.Value}" + text[close..lineEnd] + comment + text[lineEnd..];
        }
        if (parent.Children.Count == 0)
        {
            throw new ArgumentException($"'{string.Join('.', keys[..^1])}' is an empty mapping: cannot put '{edit.Path}' there.", nameof(edit));
        }
        int indent = (int)parent.Children.First().Key.Start.Column - 1;
        int after = LastEnd(parent, text);
        int eol = text.IndexOf('\n', after) is var m and >= 0 ? m : text.Length;
        var line = new StringBuilder().Append('\n').Append(' ', indent).Append(keys[^1]).Append(": ").Append(edit.Value).Append(comment);
        return string.Concat(text.AsSpan(0, eol), line.ToString(), text.AsSpan(eol));
    }

    // How every comment Bedflow writes begins (its edits' comments say what a value was fitted from or to).
    private const string Ours = "# fitted";

    // The file with "# key comment" on a line of its own above the line holding position `at`, at
    // that line's indentation, in place of any earlier "# key fitted …" line in the comments just above.
    private static string Above(string text, int at, string key, string comment)
    {
        int lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        int indent = 0;
        while (lineStart + indent < text.Length && text[lineStart + indent] == ' ')
        {
            indent++;
        }
        string mine = $"# {key} {comment}";
        string earlier = $"# {key} fitted";
        // Walk up the comment lines directly above; drop an earlier fit's line for this key.
        int insertAt = lineStart;
        int cursor = lineStart; // the start of the line above which we look
        while (cursor > 0)
        {
            int prevEnd = cursor - 1; // the line break ending the line above
            int prevStart = prevEnd == 0 ? 0 : text.LastIndexOf('\n', prevEnd - 1) + 1;
            string previous = text[prevStart..prevEnd].Trim();
            if (!previous.StartsWith('#'))
            {
                break;
            }
            if (previous.StartsWith(earlier, StringComparison.Ordinal))
            {
                text = text.Remove(prevStart, cursor - prevStart);
                insertAt -= cursor - prevStart;
            }
            cursor = prevStart;
        }
        return text.Insert(insertAt, new string(' ', indent) + mine + "\n");
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

    // Where a value's own text ends. YamlDotNet's collections carry no end of their own (their End
    // is their Start), so: a scalar's end; a block collection's last value's end; a flow
    // collection's closing bracket after its last value.
    private static int LastEnd(YamlNode node, string text) => node switch
    {
        YamlMappingNode { Style: YamlDotNet.Core.Events.MappingStyle.Flow } m => Closing(text, m.Children.Count > 0 ? LastEnd(m.Children.Last().Value, text) : (int)m.Start.Index + 1, '}'),
        YamlSequenceNode { Style: YamlDotNet.Core.Events.SequenceStyle.Flow } q => Closing(text, q.Children.Count > 0 ? LastEnd(q.Children[^1], text) : (int)q.Start.Index + 1, ']'),
        YamlMappingNode { Children.Count: > 0 } m => LastEnd(m.Children.Last().Value, text),
        YamlSequenceNode { Children.Count: > 0 } q => LastEnd(q.Children[^1], text),
        _ => Trimmed(text, (int)node.End.Index),
    };

    // A node's own text ends before any whitespace and line breaks a block value's end takes in.
    private static int Trimmed(string text, int end)
    {
        while (end > 0 && end <= text.Length && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return end;
    }

    // The first key on the path (or the path's value) that carries an anchor — an alias resolves to the anchored node itself.
    private static string? Anchored(YamlMappingNode root, string[] keys)
    {
        YamlNode? node = root;
        for (int i = 0; i < keys.Length && node is YamlMappingNode m; i++)
        {
            node = Child(m, keys[i]);
            if (node is not null && !node.Anchor.IsEmpty)
            {
                return string.Join('.', keys[..(i + 1)]);
            }
        }
        return null;
    }

    // A new top-level section at the end of the file's top-level mapping, in block style, holding one line.
    private static string Section(string text, YamlMappingNode root, string section, string line)
    {
        if (root.Style == YamlDotNet.Core.Events.MappingStyle.Flow || root.Children.Count == 0)
        {
            throw new ArgumentException($"the file's top level is not a block mapping: cannot add a {section}: section to it.", nameof(text));
        }
        int indent = (int)root.Children.First().Key.Start.Column - 1;
        int after = LastEnd(root, text);
        int eol = text.IndexOf('\n', after) is var m and >= 0 ? m : text.Length;
        var added = new StringBuilder().Append('\n').Append(' ', indent).Append(section).Append(":\n").Append(' ', indent + 2).Append(line);
        return string.Concat(text.AsSpan(0, eol), added.ToString(), text.AsSpan(eol));
    }

    /// <summary>The keys of the top-level <paramref name="section"/>'s mapping, each whole (dots and all), in the file's order; empty when there is none.</summary>
    public static IReadOnlyList<string> EntryKeys(string text, string section)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        stream.Load(new StringReader(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root && Child(root, section) is YamlMappingNode map
            ? [.. map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "")]
            : [];
    }

    /// <summary>
    /// The file's text without the entry <paramref name="key"/> (taken whole) of the top-level
    /// <paramref name="section"/>: its lines, comment and all (line ends kept). Read back.
    /// </summary>
    /// <exception cref="ArgumentException">No such entry; the section is not a block mapping, the entry is its only one, shares a line with another or carries an anchor.</exception>
    public static string Remove(string text, string section, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool crlf = text.Contains("\r\n", StringComparison.Ordinal);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var map = (stream.Documents[0].RootNode as YamlMappingNode) is { } root ? Child(root, section) as YamlMappingNode : null;
        var entry = map?.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key);
        if (map is null || entry?.Key is null)
        {
            throw new ArgumentException($"the file has no {section}.{key} to remove.", nameof(key));
        }
        if (map.Style == YamlDotNet.Core.Events.MappingStyle.Flow || map.Children.Count < 2 || !entry.Value.Key.Anchor.IsEmpty || !entry.Value.Value.Anchor.IsEmpty)
        {
            throw new ArgumentException($"{section}.{key} cannot be removed here (the section is on one line, it is the section's only entry, or it is anchored): edit the file by hand.", nameof(key));
        }
        int start = (int)entry.Value.Key.Start.Index;
        int lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        int end = LastEnd(entry.Value.Value, text);
        int eol = text.IndexOf('\n', end) is var n and >= 0 ? n + 1 : text.Length;
        string next = text[end..Math.Min(eol, text.Length)].Trim();
        if (text[lineStart..start].Trim().Length > 0 || (next.Length > 0 && !next.StartsWith('#')))
        {
            throw new ArgumentException($"{section}.{key} shares a line with another value: edit the file by hand.", nameof(key));
        }
        string removed = text.Remove(lineStart, eol - lineStart);
        if (EntryKeys(removed, section).Count != map.Children.Count - 1 || EntryKeys(removed, section).Contains(key, StringComparer.Ordinal))
        {
            throw new ArgumentException($"removing {section}.{key} would not leave the rest of the file as it was: edit the file by hand.", nameof(key));
        }
        return crlf ? removed.Replace("\n", "\r\n", StringComparison.Ordinal) : removed;
    }

    private static int Closing(string text, int from, char bracket) =>
        text.IndexOf(bracket, from) is var i and >= 0 ? i + 1 : throw new ArgumentException($"no closing '{bracket}' after position {from}.", nameof(text));
}
