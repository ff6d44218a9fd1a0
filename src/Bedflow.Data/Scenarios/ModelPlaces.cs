using Bedflow.Core.Model;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// Where each part of a network came from in its scenario tree: a table from the model's own
/// <see cref="ModelPath"/> (<c>services[acute].queueLimit</c>) to the YAML node and key path
/// (<c>services.acute.queue_limit</c>), filled in by the reader as it builds the network. The
/// engine's problems are placed in the file by looking their path up here: no key names in the
/// engine, no parsing of its paths. The mapping from model member to YAML key lives in the
/// reader's calls to <see cref="Entry"/>. One table per tree read (the baseline, each variant).
/// </summary>
internal sealed class ModelPlaces
{
    private readonly Dictionary<ModelPath, (Mark? At, string Key)> _places = [];

    /// <summary>A table whose root (the network as a whole) is the top of the file.</summary>
    public ModelPlaces(YNode root)
    {
        _places[ModelPath.Root] = (root.Start, "");
    }

    /// <summary>
    /// Records that the model part at <paramref name="path"/> was read from <paramref name="node"/>
    /// (key path <paramref name="key"/>); a null node is a part left to its default, placed where
    /// its nearest recorded ancestor is. Returns <paramref name="path"/>.
    /// </summary>
    public ModelPath Add(ModelPath path, YNode? node, string key)
    {
        _places[path] = (node?.Start, key);
        return path;
    }

    /// <summary>
    /// Records the model part at <paramref name="path"/> as the entry <paramref name="name"/> of
    /// <paramref name="map"/>: placed at its value when that is a single value, else at its key (a
    /// block mapping or list starts on the line after its key). Returns <paramref name="path"/>.
    /// </summary>
    public ModelPath Entry(ModelPath path, YMap? map, string name, string key)
    {
        var entry = map?.Entries.FirstOrDefault(e => e.Key.Value == name);
        YNode? at = entry is { Key: not null } e ? (e.Value is YScalar ? e.Value : e.Key) : null;
        return Add(path, at, key);
    }

    /// <summary>
    /// Where the part at <paramref name="path"/> is in the file. A part not recorded (or recorded
    /// without a node: it took its default) is placed at its nearest recorded ancestor.
    /// </summary>
    public Place Find(ModelPath path)
    {
        string? key = null;
        bool recorded = _places.ContainsKey(path);
        for (var p = path; p is not null; p = p.Parent)
        {
            if (_places.TryGetValue(p, out var place))
            {
                key ??= place.Key;
                if (place.At is { } at)
                {
                    return new Place(at, key, recorded, Exact: p == path);
                }
            }
        }
        throw new InvalidOperationException("the root is always recorded"); // a bug, never a user's mistake
    }

    /// <summary>A problem with the model read from <paramref name="file"/>, at its place there.</summary>
    public ScenarioProblem Place(string file, ModelProblem problem)
    {
        var place = Find(problem.Path);
        return new ScenarioProblem(file, place.At.Line, place.At.Column, place.Key, problem.Message, problem.Severity == ProblemSeverity.Warning);
    }
}

/// <summary>
/// A model part's place in the file: its position and key path; whether the part itself was
/// recorded (<see cref="Recorded"/>), and whether the position is its own node's (<see cref="Exact"/>)
/// rather than an ancestor's.
/// </summary>
internal readonly record struct Place(Mark At, string Key, bool Recorded, bool Exact);
