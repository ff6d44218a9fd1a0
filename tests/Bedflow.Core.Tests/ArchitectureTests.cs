using System.Reflection;
using Bedflow.Core.Simulation;

namespace Bedflow.Core.Tests;

/// <summary>Cheap reflection checks that keep the layering honest.</summary>
public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Simulator).Assembly;

    [Fact]
    public void Core_references_no_input_output_assemblies()
    {
        string[] forbidden = ["System.Console", "System.IO.FileSystem", "System.Net", "Microsoft.Data", "Npgsql", "Spectre", "System.CommandLine", "YamlDotNet"];
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Core_source_uses_no_files_consoles_or_clocks()
    {
        // The compiled IL hides which System.Private.CoreLib types are used, so read the source.
        string root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Bedflow.Core");
        Assert.True(Directory.Exists(root), root);
        string[] forbidden = ["System.IO", "Console.", "DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "Stopwatch", "Environment.TickCount", "new Random("];
        var offences = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => forbidden.Any(word => x.line.Contains(word, StringComparison.Ordinal)))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(offences);
    }
}
