using System.Globalization;
using System.Text;
using Bedflow.Core.Distributions;

namespace Bedflow.Core.Model;

/// <summary>
/// Where in a <see cref="Network"/> something is: a member of the model, an element of one of
/// its collections by name (<c>services[acute]</c>) or by position (<c>groups[1]</c>), and so on
/// down, as in <c>services[acute].capacity</c> or <c>routes[acute].destinations[home]</c>. Paths
/// use the model's own names (its C# members, camel-cased in the text), never a file format's:
/// a reader that knows where each part of the model came from maps a path to its place.
/// Immutable; equal paths have equal segments.
/// </summary>
public sealed class ModelPath : IEquatable<ModelPath>
{
    private readonly Segment[] _segments;

    private ModelPath(Segment[] segments)
    {
        _segments = segments;
    }

    /// <summary>The network as a whole.</summary>
    public static ModelPath Root { get; } = new([]);

    /// <summary>A service by name: <c>services[acute]</c>.</summary>
    public static ModelPath Service(string name) => Root.Member(nameof(Network.Services)).Key(name);

    /// <summary>An arrival stream by name: <c>arrivals[ed]</c>.</summary>
    public static ModelPath Arrival(string name) => Root.Member(nameof(Network.Arrivals)).Key(name);

    /// <summary>The routing out of a service, for one group or (null) for every group without its own: <c>routes[acute]</c>, <c>routes[acute, frail]</c>.</summary>
    public static ModelPath Route(string from, string? group = null) => Root.Member(nameof(Network.Routes)).Key(from, group);

    /// <summary>A routing change by its position in <see cref="Network.RoutingChanges"/>: <c>routingChanges[0]</c>.</summary>
    public static ModelPath RoutingChange(int index) => Root.Member(nameof(Network.RoutingChanges)).Index(index);

    /// <summary>A length-of-stay change by its position in <see cref="Network.StayChanges"/>: <c>stayChanges[0]</c>.</summary>
    public static ModelPath StayChange(int index) => Root.Member(nameof(Network.StayChanges)).Index(index);

    /// <summary>A member of the thing at this path, named as in the model (pass <c>nameof(ServiceDefinition.QueueLimit)</c>).</summary>
    public ModelPath Member(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Then(new Segment(SegmentKind.Member, name, null, 0));
    }

    /// <summary>An element of the collection at this path by its name (and, for a route, its group).</summary>
    public ModelPath Key(string key, string? qualifier = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Then(new Segment(SegmentKind.Key, key, qualifier, 0));
    }

    /// <summary>An element of the list at this path by its position (from 0).</summary>
    public ModelPath Index(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Then(new Segment(SegmentKind.Index, "", null, index));
    }

    /// <summary>
    /// A parameter of the distribution at this path, as its factory names it: <c>….lengthOfStay.standardDeviation</c>,
    /// <c>….values[2]</c> (empirical), <c>….parts[1].weight</c> and <c>….parts[1].component</c> (a mixture's part, whose
    /// own parameters lie below it). <paramref name="index"/> is the position in a list, from 0.
    /// </summary>
    public ModelPath Parameter(DistributionParameter parameter, int? index = null) => parameter switch
    {
        DistributionParameter.Weight or DistributionParameter.Component =>
            Member(nameof(DistributionParameter.Parts)).Index(index ?? throw new ArgumentNullException(nameof(index), "a mixture's part is given by its position.")).Member(parameter.ToString()),
        _ when index is { } i => Member(parameter.ToString()).Index(i),
        _ => Member(parameter.ToString()),
    };

    /// <summary>The path one step up; null for <see cref="Root"/>.</summary>
    public ModelPath? Parent => _segments.Length == 0 ? null : new ModelPath(_segments[..^1]);

    /// <summary>How many steps down from <see cref="Root"/>.</summary>
    public int Depth => _segments.Length;

    /// <summary>Whether this path is <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsWithin(ModelPath ancestor)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        return ancestor._segments.Length <= _segments.Length && _segments.AsSpan(0, ancestor._segments.Length).SequenceEqual(ancestor._segments);
    }

    private ModelPath Then(Segment segment) => new([.. _segments, segment]);

    /// <summary>The path as text, e.g. <c>services[acute].capacity</c>; empty for <see cref="Root"/>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var s in _segments)
        {
            switch (s.Kind)
            {
                case SegmentKind.Member:
                    if (text.Length > 0)
                    {
                        text.Append('.');
                    }
                    text.Append(char.ToLowerInvariant(s.Name[0])).Append(s.Name.AsSpan(1));
                    break;
                case SegmentKind.Key:
                    text.Append('[').Append(s.Name);
                    if (s.Qualifier is not null)
                    {
                        text.Append(", ").Append(s.Qualifier);
                    }
                    text.Append(']');
                    break;
                default:
                    text.Append('[').Append(s.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
            }
        }
        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(ModelPath? other) => other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ModelPath);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var s in _segments)
        {
            hash.Add(s);
        }
        return hash.ToHashCode();
    }

    /// <summary>Whether two paths are equal.</summary>
    public static bool operator ==(ModelPath? left, ModelPath? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two paths differ.</summary>
    public static bool operator !=(ModelPath? left, ModelPath? right) => !(left == right);

    private enum SegmentKind
    {
        Member,
        Key,
        Index,
    }

    private readonly record struct Segment(SegmentKind Kind, string Name, string? Qualifier, int Index);
}
