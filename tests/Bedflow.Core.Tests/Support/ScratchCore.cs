using System.Diagnostics;

namespace Bedflow.Core.Tests.Support;

/// <summary>
/// A copy of src/Bedflow.Core with the repository's root build files, in a temporary folder, to
/// build with changes the real project must never see. Restore reads the same NuGet cache as the
/// real build, so no package is downloaded.
/// </summary>
internal sealed class ScratchCore : IDisposable
{
    private readonly string _root;
    private readonly string _project;

    private ScratchCore(string root)
    {
        _root = root;
        _project = Path.Combine(root, "src", "Bedflow.Core");
    }

    /// <summary>The folder holding Bedflow.slnx, found upwards from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static ScratchCore Create()
    {
        var scratch = new ScratchCore(Path.Combine(Path.GetTempPath(), $"bedflow-core-copy-{Guid.NewGuid():N}"));
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            Directory.CreateDirectory(scratch._root);
            File.Copy(Path.Combine(RepoRoot, file), Path.Combine(scratch._root, file));
        }
        CopyFolder(Path.Combine(RepoRoot, "src", "Bedflow.Core"), scratch._project);
        return scratch;
    }

    /// <summary>The assembly a successful <see cref="Build"/> writes (the Debug configuration).</summary>
    public string OutputAssembly => Path.Combine(_project, "bin", "Debug", "net10.0", "Bedflow.Core.dll");

    public void AddSource(string fileName, string text) => File.WriteAllText(Path.Combine(_project, fileName), text);

    /// <summary>
    /// Runs <c>dotnet build</c> on the copy and returns its exit code, output and distinct error
    /// lines. Only the banned-API analyzer runs: the .NET and code-style analyzers are the real
    /// build's business and would double the time. <paramref name="restore"/> false skips restore
    /// (for a second build of the same copy); <paramref name="warningsAsErrors"/> false turns off
    /// the repository's TreatWarningsAsErrors.
    /// </summary>
    public BuildResult Build(bool restore = true, bool warningsAsErrors = true)
    {
        // No build servers: a compiler server left running would hold the output pipes open, and
        // would outlive the test. No audit: it asks the package source about vulnerabilities.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root,
        };
        string[] arguments =
        [
            "build", Path.Combine(_project, "Bedflow.Core.csproj"), "--disable-build-servers", "-nologo", "-v:q", "-clp:NoSummary",
            "-p:NuGetAudit=false", "-p:EnableNETAnalyzers=false", "-p:EnforceCodeStyleInBuild=false",
            .. (restore ? Array.Empty<string>() : ["--no-restore"]), .. (warningsAsErrors ? Array.Empty<string>() : ["-p:TreatWarningsAsErrors=false"]),
        ];
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        // The test host may run under an outer build's MSBuild: let the inner build find its own.
        foreach (string name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }
        using var p = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build of the copy of Bedflow.Core took over 5 minutes:\n{stdout.Result}");
        }
        string output = stdout.Result + stderr.Result;
        var errors = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(" error ", StringComparison.Ordinal)).Distinct().ToList();
        return new BuildResult(p.ExitCode, output, errors);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (string dir in Directory.EnumerateDirectories(from))
        {
            string name = Path.GetFileName(dir);
            if (name is not ("bin" or "obj"))
            {
                CopyFolder(dir, Path.Combine(to, name));
            }
        }
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bedflow.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException($"no Bedflow.slnx above {AppContext.BaseDirectory}");
    }
}

/// <summary>What a build printed.</summary>
internal sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<string> Errors);
