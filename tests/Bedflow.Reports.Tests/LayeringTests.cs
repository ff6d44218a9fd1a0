namespace Bedflow.Reports.Tests;

public class LayeringTests
{
    [Fact]
    public void The_report_depends_on_core_only_not_on_files_databases_or_yaml()
    {
        var referenced = typeof(BoardReport).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("Bedflow.Core", referenced);
        string[] forbidden = ["Bedflow.Data", "Bedflow.Cli", "Npgsql", "Microsoft.Data.Sqlite", "YamlDotNet", "Dapper", "CsvHelper"];
        Assert.DoesNotContain(referenced, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }
}
