using System.Globalization;
using Bedflow.Core.Model;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Scenarios;

/// <summary>Collects problems while a scenario tree is read; small typed readers that never throw.</summary>
internal sealed class ReadContext(string file)
{
    public string File { get; } = file;

    public List<ScenarioProblem> Problems { get; } = [];

    public void Error(YNode? at, string path, string message) =>
        Problems.Add(new ScenarioProblem(File, at?.Start.Line ?? 1, at?.Start.Column ?? 1, path, message));

    /// <summary>Something that runs but may mislead: printed, never stops the run.</summary>
    public void Warning(YNode? at, string path, string message) =>
        Problems.Add(new ScenarioProblem(File, at?.Start.Line ?? 1, at?.Start.Column ?? 1, path, message, IsWarning: true));

    /// <summary>A problem the engine found (or a checked factory returned), placed in the file by its model path.</summary>
    public void Report(ModelProblem problem, ModelPlaces places)
    {
        Problems.Add(places.Place(File, problem));
    }

    /// <summary>Whether an error (not a warning) was added since <paramref name="before"/> problems.</summary>
    public bool ErrorsSince(int before) => Problems.Skip(before).Any(p => !p.IsWarning);

    /// <summary>The node as a mapping, or null (and a problem) when it is something else.</summary>
    public YMap? Map(YNode? node, string path, bool required = false)
    {
        switch (node)
        {
            case YMap m:
                return m;
            case null:
                if (required)
                {
                    Error(null, path, "is required but missing.");
                }
                return null;
            case YScalar s when s.IsNull && !required:
                return null;
            default:
                Error(node, path, $"expected a mapping of keys to values here, but found {Describe(node)}.");
                return null;
        }
    }

    /// <summary>Reports keys that are not allowed, with a suggestion; returns the map.</summary>
    public void Keys(YMap map, string path, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string>? required = null)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (!allowed.Contains(key.Value))
            {
                Error(key, Join(path, key.Value), $"unknown key '{Shown(key.Value)}'.{Suggest.DidYouMean(key.Value, allowed)} Allowed here: {string.Join(", ", allowed)}.");
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in map.Entries)
        {
            if (!seen.Add(key.Value))
            {
                Error(key, Join(path, key.Value), $"key '{key.Value}' is given twice.");
            }
        }
        foreach (string r in required ?? [])
        {
            if (map[r] is null)
            {
                Error(map, Join(path, r), $"'{r}' is required but missing.");
            }
        }
    }

    public string? Text(YNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }
        if (node is YScalar s)
        {
            return s.IsNull ? null : s.Value;
        }
        Error(node, path, $"expected a single value here, but found {Describe(node)}.");
        return null;
    }

    public double? Number(YNode? node, string path) => Parse(node, path, Quantities.Number);

    public double? Days(YNode? node, string path) => Parse(node, path, Quantities.Duration);

    public double? Rate(YNode? node, string path) => Parse(node, path, Quantities.Rate);

    public DateOnly? Date(YNode? node, string path) => Parse(node, path, Quantities.Date);

    public decimal? Money(YNode? node, string path) => Parse(node, path, Quantities.Money);

    public int? Integer(YNode? node, string path)
    {
        string? text = Text(node, path);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
        {
            return v;
        }
        Error(node, path, $"'{Shown(text)}' is not a whole number.");
        return null;
    }

    /// <summary>A yes/no value written <c>true</c> or <c>false</c> (exactly), or null after an error.</summary>
    public bool? Flag(YNode? node, string path)
    {
        string? text = Text(node, path);
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Error(node, path, $"'{Shown(text)}' is not one of: true, false.");
                return null;
        }
    }

    /// <summary>The member whose code the node holds, exactly (case matters), or null after an error listing the codes in the table's order.</summary>
    public TEnum? Choice<TEnum, TRow>(YNode? node, string path, VocabularyTable<TEnum, TRow> words) where TEnum : struct, Enum where TRow : IVocabularyRow<TEnum>
    {
        string? text = Text(node, path);
        if (text is null)
        {
            return null;
        }
        if (words.TryParse(text, out var value))
        {
            return value;
        }
        Error(node, path, $"'{Shown(text)}' is not one of: {string.Join(", ", words.Codes)}.{Suggest.DidYouMean(text, words.Codes)}");
        return null;
    }

    private T? Parse<T>(YNode? node, string path, Func<string, (T, string?)> parse) where T : struct
    {
        string? text = Text(node, path);
        if (text is null)
        {
            return null;
        }
        var (value, error) = parse(text);
        if (error is not null)
        {
            Error(node, path, error.Replace(text, Shown(text), StringComparison.Ordinal));
            return null;
        }
        return value;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{Shown(key)}";

    // Longer than this, a value written back in a problem is cut short: the reader needs to find it, not to read it again.
    private const int LongestShown = 60;

    /// <summary>Text as a problem quotes it: whole when short, else its start and its length (a 100,000-character value must not flood the terminal).</summary>
    public static string Shown(string text) =>
        text.Length <= LongestShown ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..40]}… ({text.Length:N0} characters)");

    public static string Describe(YNode node) => node switch
    {
        YMap => "a mapping",
        YSeq => "a list",
        YScalar s when s.IsNull => "nothing",
        YScalar s => $"'{Shown(s.Value)}'",
        _ => "something else",
    };
}
