using YamlDotNet.RepresentationModel;

namespace Bedflow.Data.Scenarios;

/// <summary>A position in the file (1-based).</summary>
internal readonly record struct Mark(int Line, int Column);

/// <summary>
/// A small immutable YAML tree with positions: what variants edit by key path before the
/// scenario is read. Mappings keep their key order.
/// </summary>
internal abstract record YNode(Mark Start)
{
    public static YNode From(YamlNode node) => node switch
    {
        YamlMappingNode m => new YMap(At(m), [.. m.Children.Select(kv => (Key: From(kv.Key) as YScalar ?? new YScalar(At(kv.Key), NonScalarKey, false), Value: From(kv.Value)))]),
        YamlSequenceNode s => new YSeq(At(s), [.. s.Children.Select(From)]),
        YamlScalarNode sc => new YScalar(At(sc), sc.Value ?? "", sc.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any),
        _ => new YScalar(At(node), "", true),
    };

    /// <summary>Stands for a key that is a list or mapping (reported as a problem by <see cref="YamlFile"/>).</summary>
    public const string NonScalarKey = "\u0000non-scalar key";

    /// <summary>The positions of keys that are lists or mappings: keys must be plain names.</summary>
    public static IEnumerable<Mark> NonScalarKeys(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children)
                {
                    if (k is not YamlScalarNode)
                    {
                        yield return At(k);
                    }
                    foreach (var inner in NonScalarKeys(k).Concat(NonScalarKeys(v)))
                    {
                        yield return inner;
                    }
                }
                break;
            case YamlSequenceNode s:
                foreach (var inner in s.Children.SelectMany(NonScalarKeys))
                {
                    yield return inner;
                }
                break;
        }
    }

    private static Mark At(YamlNode n) => new((int)n.Start.Line, (int)n.Start.Column);
}

/// <summary>A mapping.</summary>
internal sealed record YMap(Mark Start, IReadOnlyList<(YScalar Key, YNode Value)> Entries) : YNode(Start)
{
    public YNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    public YMap With(string key, YNode value, Mark keyMark)
    {
        var list = Entries.ToList();
        int i = list.FindIndex(e => e.Key.Value == key);
        if (i >= 0)
        {
            list[i] = (list[i].Key, value);
        }
        else
        {
            list.Add((new YScalar(keyMark, key, true), value));
        }
        return this with { Entries = list };
    }

    public YMap Without(string key) => this with { Entries = [.. Entries.Where(e => e.Key.Value != key)] };
}

/// <summary>A sequence.</summary>
internal sealed record YSeq(Mark Start, IReadOnlyList<YNode> Items) : YNode(Start);

/// <summary>A scalar; <see cref="Plain"/> is false when it was quoted (so "null" stays a string).</summary>
internal sealed record YScalar(Mark Start, string Value, bool Plain) : YNode(Start)
{
    public bool IsNull => Plain && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");
}
