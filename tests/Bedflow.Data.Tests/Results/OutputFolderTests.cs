using Bedflow.Data.Results;

namespace Bedflow.Data.Tests.Results;

public class OutputFolderTests
{
    [Fact]
    public void A_folder_in_the_way_stops_the_write_before_any_file_is_replaced()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"out-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "b.csv")); // a folder where a file should go
        File.WriteAllText(Path.Combine(folder, "a.json"), "old");
        var files = new List<(string, Action<Stream>)> { ("a.json", s => s.Write("new"u8)), ("b.csv", s => s.Write("new"u8)) };
        var e = Assert.Throws<IOException>(() => OutputFolder.Write(folder, files));
        Assert.Contains("is a folder", e.Message, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(Path.Combine(folder, "a.json")));
        Assert.Equal(["a.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal([Path.Combine(folder, "b.csv")], Directory.GetDirectories(folder)); // no staging folder left
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_complete_write_replaces_every_file_and_leaves_nothing_else()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"out-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.json"), "old");
        OutputFolder.Write(folder, [("a.json", s => s.Write("new"u8)), ("b.csv", s => s.Write("new"u8))]);
        Assert.Equal("new", File.ReadAllText(Path.Combine(folder, "a.json")));
        Assert.Equal(2, Directory.GetFiles(folder).Length);
        Assert.Empty(Directory.GetDirectories(folder));
        Assert.Equal("a_b__c", OutputFolder.SafeName("a.b[]c"));
        Directory.Delete(folder, true);
    }
}
