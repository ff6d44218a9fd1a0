namespace Bedflow.Cli.Tests;

/// <summary>`bedflow run --out DIR` into a folder that already holds something.</summary>
public class RunOutputFolderTests
{
    [Fact]
    public void A_run_into_the_folder_of_an_older_run_with_other_variants_leaves_exactly_the_new_runs_files()
    {
        string folder = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("run", Cli.WriteTiny(), "--out", folder, "--replications", "2").Code);
        Assert.True(File.Exists(Path.Combine(folder, "daily-more_ic.csv")));

        string other = Path.Combine(Path.GetTempPath(), $"tiny-{Guid.NewGuid():N}.yaml");
        string variants = Cli.Tiny[Cli.Tiny.IndexOf("variants:", StringComparison.Ordinal)..];
        File.WriteAllText(other, Cli.Tiny.Replace(variants, "variants:\n  fewer_ic:\n    set:\n      services.intermediate_care.capacity: 2\n", StringComparison.Ordinal));
        var (code, _, error) = Cli.Run("run", other, "--out", folder, "--replications", "2");
        Assert.True(code == 0, error);
        string[] expected = ["daily-baseline.csv", "daily-fewer_ic.csv", "report.html", "report.xlsx", "results.json", "run-info.json", "sitrep-baseline.csv", "sitrep-fewer_ic.csv"];
        Assert.Equal(expected, Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetDirectories(folder));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_folder_holding_files_bedflow_did_not_write_is_refused_before_the_run_with_exit_code_2()
    {
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "board-minutes.docx"), "not Bedflow's");
        var (code, output, error) = Cli.Run("run", Cli.WriteTiny(), "--out", folder);
        Assert.Equal(2, code);
        Assert.Contains("Bedflow did not write (board-minutes.docx)", error, StringComparison.Ordinal);
        Assert.Equal("", output); // refused before the run
        Assert.Equal(["board-minutes.docx"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Directory.Delete(folder, true);
    }
}
