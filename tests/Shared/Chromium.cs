namespace Bedflow.Tests.Shared;

/// <summary>
/// Finds the Chromium the browser tests drive (Bedflow.Reports.Tests and Bedflow.Web.Tests link this
/// file): BEDFLOW_CHROMIUM, else Debian's /usr/bin/chromium. Tests install nothing: .ci/run installs
/// Chromium before the tests, and without it a test fails saying how. Also where screenshots go.
/// </summary>
internal static class Chromium
{
    public const string Debian = "/usr/bin/chromium";

    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("BEDFLOW_CHROMIUM") is { Length: > 0 } configured)
        {
            Assert.True(File.Exists(configured), $"BEDFLOW_CHROMIUM is set to '{configured}', which does not exist: point it at a Chromium executable, or unset it to use {Debian}.");
            return configured;
        }
        Assert.True(File.Exists(Debian), $"the browser tests need Chromium and {Debian} does not exist: install Debian's package (sudo apt-get install chromium) or set BEDFLOW_CHROMIUM to a Chromium executable; .ci/run installs it before the tests.");
        return Debian;
    }

    /// <summary>TestResults/ at the repository's root (made if need be): the screenshots kept as artifacts.</summary>
    public static string ResultsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bedflow.slnx")))
        {
            dir = dir.Parent;
        }
        string folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "TestResults");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
