using System.Xml.Linq;

namespace Bedflow.Web.Tests;

/// <summary>Web sits over Data, Reports and Core (design.md), and only the command sits over Web.</summary>
public class LayeringTests
{
    [Fact]
    public void The_web_app_depends_on_data_reports_and_core_only_of_bedflows_projects()
    {
        var bedflow = typeof(BedflowWeb).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Bedflow", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Contains("Bedflow.Data", bedflow);
        Assert.All(bedflow, n => Assert.Contains(n, new[] { "Bedflow.Core", "Bedflow.Data", "Bedflow.Reports" }));
    }

    [Fact]
    public void No_project_but_the_command_the_web_tests_and_the_benchmarks_references_the_web_app()
    {
        string root = RepoRoot();
        var referencing = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => XDocument.Load(p).Descendants("ProjectReference").Any(r => ((string?)r.Attribute("Include") ?? "").Replace('\\', '/').EndsWith("Bedflow.Web/Bedflow.Web.csproj", StringComparison.Ordinal)))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList();
        // The benchmarks sit outside the layers: `web-load` starts the real server to measure it.
        Assert.Equal(["Bedflow.Bench", "Bedflow.Cli", "Bedflow.Web.Tests"], referencing);
    }

    [Fact]
    public void Core_data_and_reports_do_not_reference_the_web_app_or_asp_net_core()
    {
        foreach (var assembly in new[] { typeof(Core.Experiments.Simulator).Assembly, typeof(Data.Register.DelayRegister).Assembly, typeof(Reports.BoardReport).Assembly })
        {
            var names = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
            Assert.DoesNotContain(names, n => n.StartsWith("Bedflow.Web", StringComparison.Ordinal) || n.StartsWith("Bedflow.Cli", StringComparison.Ordinal) || n.StartsWith("bedflow", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) && n != "Microsoft.AspNetCore.Identity");
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bedflow.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
