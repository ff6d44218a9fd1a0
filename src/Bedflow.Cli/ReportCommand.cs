using System.CommandLine;
using System.Diagnostics;

namespace Bedflow.Cli;

/// <summary>`bedflow report DIR --pdf`: turns a run's report.html into report.pdf with headless Chromium.</summary>
internal static class ReportCommand
{
    internal static readonly string[] Browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var dir = new Argument<string>("DIR") { Description = "A folder written by 'bedflow run --out DIR'." };
        var pdf = new Option<bool>("--pdf") { Description = "Print report.html to report.pdf (A4) with headless Chromium." };
        var command = new Command("report", "Work with the board pack a run wrote: --pdf makes a PDF of it.") { dir, pdf };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(dir)!;
            if (string.IsNullOrWhiteSpace(folder))
            {
                error.WriteLine("bedflow: DIR is empty: give the folder a run wrote.");
                return ExitCodes.UsageError;
            }
            string html = Path.Combine(folder, "report.html");
            if (!File.Exists(html))
            {
                error.WriteLine($"bedflow: {html} does not exist: run 'bedflow run SCENARIO --out {folder}' first.");
                return ExitCodes.UsageError;
            }
            if (!parse.GetValue(pdf))
            {
                output.WriteLine($"The report is {Path.GetFullPath(html)}; add --pdf to print it to PDF.");
                return ExitCodes.Ok;
            }
            string? browser = FindBrowser();
            if (browser is null)
            {
                string why = Environment.GetEnvironmentVariable("BEDFLOW_CHROMIUM") is { Length: > 0 } set
                    ? $"BEDFLOW_CHROMIUM is set to {set}, which does not exist"
                    : "making a PDF needs Chromium, which is not installed";
                error.WriteLine($"bedflow: {why}. On Debian or Ubuntu: sudo apt-get install chromium"
                    + " (or set BEDFLOW_CHROMIUM to the browser's path). The HTML report needs nothing: open " + Path.GetFullPath(html));
                return ExitCodes.Failure;
            }
            string target = Path.GetFullPath(Path.Combine(folder, "report.pdf"));
            string staging = Path.Combine(Path.GetTempPath(), $"bedflow-report-{Guid.NewGuid():N}.pdf");
            if (Directory.Exists(target))
            {
                error.WriteLine($"bedflow: {target} is a folder: remove it first.");
                return ExitCodes.UsageError;
            }
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                ArgumentList = { "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--print-to-pdf={staging}", new Uri(Path.GetFullPath(html)).AbsoluteUri },
            };
            try
            {
                using var process = Process.Start(start)!;
                process.StandardOutput.ReadToEnd();
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0 || !File.Exists(staging))
                {
                    error.WriteLine($"bedflow: Chromium ({browser}) could not print the report (exit code {process.ExitCode}); nothing was written.");
                    return ExitCodes.Failure;
                }
                File.Move(staging, target, overwrite: true);
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"bedflow: could not make the PDF with {browser}: {e.Message}; nothing was written.");
                return ExitCodes.Failure;
            }
            finally
            {
                File.Delete(staging);
            }
            output.WriteLine($"Wrote {target}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The browser to print with: BEDFLOW_CHROMIUM, else the first Chromium on the PATH.</summary>
    internal static string? FindBrowser()
    {
        if (Environment.GetEnvironmentVariable("BEDFLOW_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            foreach (string name in Browsers)
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
