namespace Bedflow.Web.Tests.Support;

/// <summary>
/// The Chromium the browser journeys drive (as tests/Bedflow.Reports.Tests finds it): BEDFLOW_CHROMIUM,
/// else Debian's /usr/bin/chromium. Tests install nothing: without it they fail saying how to install it.
/// Screenshots go to TestResults/ at the repository's root, kept as artifacts.
/// </summary>
public static class DebianChromium
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

    /// <summary>TestResults/ at the repository's root (made if need be).</summary>
    public static string ResultsFolder()
    {
        string folder = Path.Combine(LayeringTests.RepoRoot(), "TestResults");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
