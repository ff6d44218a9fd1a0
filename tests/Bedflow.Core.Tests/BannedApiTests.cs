using System.Reflection;
using Bedflow.Core.Tests.Support;

namespace Bedflow.Core.Tests;

/// <summary>
/// src/Bedflow.Core/BannedSymbols.txt makes a use of the file system, console, environment, clocks,
/// network, processes or System.Random an error in Core's build (RS0030). These tests keep that
/// guard honest: planted uses must fail a real build, and every entry must name a real API (the
/// analyzer silently ignores an entry it cannot resolve).
/// </summary>
public class BannedApiTests
{
    // One use per category, each in its own file, so the build output shows which one was caught.
    private static readonly Dictionary<string, string> Plants = new()
    {
        ["PlantedFile.cs"] = "public static string Read() => File.ReadAllText(\"scenario.yaml\");",
        ["PlantedClock.cs"] = "public static DateTime Today() => DateTime.Now;",
        ["PlantedUtcClock.cs"] = "public static DateTimeOffset Today() => DateTimeOffset.UtcNow;",
        ["PlantedStopwatch.cs"] = "public static long Ticks() => System.Diagnostics.Stopwatch.GetTimestamp();",
        ["PlantedTimeProvider.cs"] = "public static TimeProvider Clock() => TimeProvider.System;",
        ["PlantedConsole.cs"] = "public static void Say() => Console.WriteLine(\"hello\");",
        ["PlantedEnvironment.cs"] = "public static string? Seed() => Environment.GetEnvironmentVariable(\"SEED\");",
        ["PlantedExit.cs"] = "public static void Stop() => Environment.Exit(1);",
        ["PlantedRandom.cs"] = "public static double Draw() => new Random(42).NextDouble();",
        ["PlantedHttp.cs"] = "public static object Client() => new System.Net.Http.HttpClient();",
        ["PlantedProcess.cs"] = "public static object? Run() => System.Diagnostics.Process.Start(\"sh\");",
        ["PlantedStreamWriter.cs"] = "public static TextWriter Open() => new StreamWriter(\"out.csv\");",
    };

    [Fact]
    public void A_banned_api_planted_in_a_copy_of_core_fails_its_build_with_RS0030()
    {
        using var copy = ScratchCore.Create();

        // Without the plants the copy builds: the failures below are the plants', not the copy's.
        var clean = copy.Build();
        Assert.True(clean.ExitCode == 0, $"the unmodified copy of Bedflow.Core did not build:\n{clean.Output}");
        Assert.Empty(clean.Errors);

        foreach (var (file, member) in Plants)
        {
            copy.AddSource(file, $"namespace Bedflow.Core;\n\npublic static class {Path.GetFileNameWithoutExtension(file)}\n{{\n    {member}\n}}\n");
        }
        // Without TreatWarningsAsErrors too: Core's project makes RS0030 an error by itself.
        var planted = copy.Build(restore: false, warningsAsErrors: false);

        Assert.NotEqual(0, planted.ExitCode);
        Assert.All(planted.Errors, e => Assert.Contains("error RS0030:", e, StringComparison.Ordinal));
        foreach (string file in Plants.Keys)
        {
            Assert.True(planted.Errors.Any(e => e.Contains($"{file}(", StringComparison.Ordinal)), $"no RS0030 for {file}:\n{planted.Output}");
        }
    }

    [Fact]
    public void Every_banned_symbol_names_an_api_that_exists()
    {
        var unresolved = BannedSymbols.Entries().Where(id => !BannedSymbols.Resolves(id)).ToList();
        Assert.Empty(unresolved);
        Assert.True(BannedSymbols.Entries().Count > 50);
    }

    [Fact]
    public void The_resolver_rejects_a_misspelt_symbol()
    {
        // The guard of the test above: a typo must not pass as "exists".
        Assert.False(BannedSymbols.Resolves("T:System.IO.Fiel"));
        Assert.False(BannedSymbols.Resolves("P:System.DateTime.Nowish"));
        Assert.False(BannedSymbols.Resolves("M:System.Random.#ctor(System.String)"));
        Assert.False(BannedSymbols.Resolves("N:System.Net.Htp"));
        Assert.True(BannedSymbols.Resolves("M:System.Random.#ctor(System.Int32)"));
    }

    [Fact]
    public void Every_member_of_Environment_is_banned_but_ProcessorCount_and_NewLine()
    {
        string[] allowed = ["ProcessorCount", "NewLine"];
        var banned = BannedSymbols.Entries().ToHashSet(StringComparer.Ordinal);
        var missing = typeof(Environment).GetMembers(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m is PropertyInfo or MethodInfo { IsSpecialName: false } && !allowed.Contains(m.Name))
            .Select(BannedSymbols.IdOf)
            .Where(id => !banned.Contains(id))
            .ToList();
        Assert.Empty(missing);
        Assert.DoesNotContain(BannedSymbols.Entries(), id => allowed.Any(a => id == $"P:System.Environment.{a}"));
    }
}
