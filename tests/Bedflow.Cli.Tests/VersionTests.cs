using System.Reflection;
using System.Text.RegularExpressions;

namespace Bedflow.Cli.Tests;

public class VersionTests
{
    // `bedflow --version` prints the entry assembly's version, so in process it would be the test host's.
    [Fact]
    public void Every_assembly_carries_the_one_version_set_in_Directory_Build_props()
    {
        var set = Regex.Matches(File.ReadAllText(Cli.RepoFile("Directory.Build.props")), "<Version>([^<]+)</Version>");
        string version = Assert.Single(set).Groups[1].Value;
        Assembly[] assemblies =
        [
            typeof(BedflowApp).Assembly, typeof(Core.Model.Network).Assembly, typeof(Data.Results.ResultsJson).Assembly, typeof(Reports.BoardReport).Assembly,
        ];
        foreach (var a in assemblies)
        {
            string informational = a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            Assert.True(informational == version || informational.StartsWith(version + "+", StringComparison.Ordinal), $"{a.GetName().Name} is {informational}, not {version}");
            Assert.Equal(Version.Parse(version), new Version(a.GetName().Version!.ToString(3)));
        }
    }
}
