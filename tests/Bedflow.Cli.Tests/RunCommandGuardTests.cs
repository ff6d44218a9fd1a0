namespace Bedflow.Cli.Tests;

/// <summary>`bedflow run` refuses what would never finish, in words and without a stack trace.</summary>
public class RunCommandGuardTests
{
    private static string Write(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"guard-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_run_whose_clock_stops_is_stopped_with_a_message_and_exit_code_2()
    {
        // Valid at validate (no stay is exactly zero), but 1e-300 days does not move the clock.
        string path = Write(Cli.Tiny
            .Replace("length_of_stay: {exponential: {mean: 8d}}", "length_of_stay: {exponential: {mean: 1e-300d}}", StringComparison.Ordinal)
            .Replace("intermediate_care: {home: 1}", "intermediate_care: {intermediate_care: 1}", StringComparison.Ordinal));
        string folder = Cli.TempFolder();
        var (code, _, error) = Cli.Run("run", path, "--out", folder);
        Assert.Equal(2, code);
        // Placed in the file like a problem found while reading it: the service's key is at line 13, column 3.
        Assert.Contains($"bedflow: {path}:13:3: services.intermediate_care: variant 'baseline': replication ", error, StringComparison.Ordinal);
        Assert.Contains("was stopped: more than 1,000,000 events happened at one instant", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any());
    }
}
