using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bedflow.Data.Scenarios;

/// <summary>Reads a YAML file into a <see cref="YNode"/> tree, turning every failure into a problem with a position.</summary>
internal static class YamlFile
{
    public static YNode? Read(string path, string display, List<ScenarioProblem> problems)
    {
        string text;
        try
        {
            text = Decode(File.ReadAllBytes(path), display, problems);
        }
        catch (FileNotFoundException)
        {
            problems.Add(new ScenarioProblem(display, 0, 0, "", "the file does not exist."));
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            problems.Add(new ScenarioProblem(display, 0, 0, "", "the file does not exist (nor does its folder)."));
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            problems.Add(new ScenarioProblem(display, 0, 0, "", "the file cannot be read (permission denied, or it is a folder)."));
            return null;
        }
        catch (IOException e)
        {
            problems.Add(new ScenarioProblem(display, 0, 0, "", $"the file cannot be read: {e.Message}"));
            return null;
        }
        return Parse(text, display, problems);
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// UTF-8 (a byte-order mark allowed, UTF-16 and UTF-32 with theirs too); anything else is read
    /// with replacement characters and a warning at the line of the first byte that is not UTF-8.
    /// </summary>
    private static string Decode(byte[] bytes, string display, List<ScenarioProblem> problems)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0, 0, 0xFE, 0xFF, ..])
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        int start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            int bad = start + Math.Max(e.Index, 0);
            int line = 1 + bytes.AsSpan(0, Math.Min(bad, bytes.Length)).Count((byte)'\n');
            problems.Add(new ScenarioProblem(display, line, 1, "", "the file is not UTF-8 (this line has the first byte that is not): characters such as £ or é may be misread. Save it as UTF-8.", IsWarning: true));
            return System.Text.Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        }
    }

    public static YNode? Parse(string text, string display, List<ScenarioProblem> problems)
    {
        if (YamlPrecheck.Check(text, display) is { } early)
        {
            problems.Add(early);
            return null;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet fails this way (without a position) when the text ends inside an open bracket.
            int lines = text.Split('\n').Length;
            problems.Add(new ScenarioProblem(display, lines, 1, "", "this is not valid YAML: the file ends before a { } or [ ] bracket (or a quote) is closed."));
            return null;
        }
        catch (YamlException e) when (TabIndent(text) is { } tab && $"{e.Message} {e.InnerException?.Message}".Contains("tab", StringComparison.Ordinal))
        {
            // YamlDotNet places this error at the start of the enclosing mapping, not at the tab.
            problems.Add(new ScenarioProblem(display, tab.Line, tab.Column, "", "tabs cannot indent YAML: use spaces."));
            return null;
        }
        catch (YamlException e)
        {
            string message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            problems.Add(new ScenarioProblem(display, (int)e.Start.Line, (int)e.Start.Column, "", $"this is not valid YAML: {Tidy(message)}"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            problems.Add(new ScenarioProblem(display, 1, 1, "", "the file is empty: a scenario needs at least name, start, horizon, services, arrivals and routing (see docs/scenario-reference.md)."));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            problems.Add(new ScenarioProblem(display, (int)second.Start.Line, (int)second.Start.Column, "", "the file holds more than one YAML document (---); give one scenario per file."));
            return null;
        }
        var bad = YNode.NonScalarKeys(stream.Documents[0].RootNode).ToList();
        foreach (var mark in bad)
        {
            problems.Add(new ScenarioProblem(display, mark.Line, mark.Column, "", "keys must be plain names, not lists or mappings."));
        }
        return bad.Count > 0 ? null : YNode.From(stream.Documents[0].RootNode);
    }

    /// <summary>The first tab in a line's indentation (1-based), or null.</summary>
    private static Mark? TabIndent(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int first = lines[i].AsSpan().IndexOfAnyExcept(' ', '\t');
            int tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && first >= 0 && tab < first)
            {
                return new Mark(i + 1, tab + 1);
            }
        }
        return null;
    }

    // YamlDotNet's messages start with "(Line: 3, Col: 5, Idx: 40) - (Line: ...): ": the position is reported separately.
    private static string Tidy(string message)
    {
        int i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (i >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(i + 3)..] : message).Trim();
    }
}
