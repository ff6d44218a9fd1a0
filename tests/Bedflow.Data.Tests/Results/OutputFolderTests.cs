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
        Assert.Equal(["a.json", "b.csv"], Names(folder));
        Assert.Empty(Directory.GetDirectories(folder));
        Assert.Equal("a_b__c", OutputFolder.SafeName("a.b[]c"));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_second_write_leaves_exactly_its_own_files_removing_those_of_the_first_it_does_not_write_again()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"out-{Guid.NewGuid():N}");
        OutputFolder.Write(folder, [("results.json", s => s.Write("1"u8)), ("daily-old_variant.csv", s => s.Write("1"u8)), ("daily-baseline.csv", s => s.Write("1"u8))]);
        File.WriteAllText(Path.Combine(folder, "report.pdf"), "printed from the first run's report");
        Assert.Empty(OutputFolder.Foreign(folder, ["results.json"]));
        OutputFolder.Write(folder, [("results.json", s => s.Write("2"u8)), ("daily-baseline.csv", s => s.Write("2"u8)), ("daily-new.csv", s => s.Write("2"u8))]);
        Assert.Equal(["daily-baseline.csv", "daily-new.csv", "results.json"], Names(folder));
        Assert.Equal("2", File.ReadAllText(Path.Combine(folder, "results.json")));
        Assert.Empty(Directory.GetDirectories(folder));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_folder_holding_files_bedflow_did_not_write_is_refused_and_left_as_it_was()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"out-{Guid.NewGuid():N}");
        OutputFolder.Write(folder, [("results.json", s => s.Write("1"u8)), ("daily-a.csv", s => s.Write("1"u8))]);
        File.WriteAllText(Path.Combine(folder, "my-notes.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(folder, "drafts"));
        Assert.Equal(["drafts", "my-notes.txt"], OutputFolder.Foreign(folder, ["results.json"]));
        var e = Assert.Throws<IOException>(() => OutputFolder.Write(folder, [("results.json", s => s.Write("2"u8))]));
        Assert.Contains("Bedflow did not write (drafts, my-notes.txt)", e.Message, StringComparison.Ordinal);
        Assert.Equal(["daily-a.csv", "my-notes.txt", "results.json"], Names(folder));
        Assert.Equal("1", File.ReadAllText(Path.Combine(folder, "results.json")));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_folder_from_a_bedflow_that_kept_no_list_is_recognised_by_its_run_info()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"out-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "run-info.json"), """{"scenario": "x", "bedflow_version": "0.1.0"}""");
        File.WriteAllText(Path.Combine(folder, "daily-old.csv"), "old");
        File.WriteAllText(Path.Combine(folder, "sitrep-old.csv"), "old");
        OutputFolder.Write(folder, [("run-info.json", s => s.Write("{}"u8)), ("daily-new.csv", s => s.Write("new"u8))]);
        Assert.Equal(["daily-new.csv", "run-info.json"], Names(folder));

        // Without Bedflow's run-info.json the same names are someone else's.
        string other = Path.Combine(Path.GetTempPath(), $"out-{Guid.NewGuid():N}");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "daily-old.csv"), "not ours");
        Assert.Equal(["daily-old.csv"], OutputFolder.Foreign(other, ["daily-new.csv"]));
        Directory.Delete(folder, true);
        Directory.Delete(other, true);
    }

    /// <summary>The files in the folder apart from Bedflow's hidden list of them.</summary>
    private static string[] Names(string folder) =>
        [.. Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).Where(n => n != ".bedflow-outputs").Order(StringComparer.Ordinal)];
}
