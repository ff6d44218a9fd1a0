namespace Bedflow.Cli.Tests;

/// <summary>`bedflow report DIR --pdf` (tests in one class: they change BEDFLOW_CHROMIUM).</summary>
public partial class ReportCommandTests
{
    [Fact]
    public void A_run_writes_the_board_pack_and_report_pdf_prints_it_with_chromium_or_says_how_to_install_it()
    {
        string folder = Cli.TempFolder();
        Assert.Equal(0, Cli.Run("run", Cli.WriteTiny(), "--out", folder).Code);
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Patients delayed each day", html, StringComparison.Ordinal);

        Environment.SetEnvironmentVariable("BEDFLOW_CHROMIUM", "/nonexistent/chromium");
        try
        {
            var (code, _, error) = Cli.Run("report", folder, "--pdf");
            Assert.Equal(1, code);
            Assert.Contains("apt-get install chromium", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "report.pdf")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("BEDFLOW_CHROMIUM", null);
        }

        if (File.Exists("/usr/bin/chromium"))
        {
            var (code, output, error) = Cli.Run("report", folder, "--pdf");
            Assert.True(code == 0, error);
            Assert.Contains("report.pdf", output, StringComparison.Ordinal);
            var pdf = File.ReadAllBytes(Path.Combine(folder, "report.pdf"));
            Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        }
        Directory.Delete(folder, true);
    }

    [Fact]
    public void Report_on_a_folder_without_a_report_exits_2()
    {
        string folder = Cli.TempFolder();
        Directory.CreateDirectory(folder);
        var (code, _, error) = Cli.Run("report", folder, "--pdf");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Directory.Delete(folder);
    }
}
