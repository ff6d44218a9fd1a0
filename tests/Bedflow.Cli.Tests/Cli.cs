namespace Bedflow.Cli.Tests;

/// <summary>Runs the `bedflow` command in process and captures what it prints.</summary>
internal static class Cli
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = BedflowApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>As <see cref="Run"/>, with <paramref name="input"/> as standard input.</summary>
    public static (int Code, string Out, string Err) RunWithInput(string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = BedflowApp.Run(args, reader, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bedflow.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine([dir?.FullName ?? throw new InvalidOperationException("repository root not found"), .. parts]);
    }

    public static string TempFolder() => Path.Combine(Path.GetTempPath(), $"bedflow-test-{Guid.NewGuid():N}");

    public const string Tiny = """
        name: Tiny
        start: 2016-04-01
        warmup: 30d
        horizon: 60d
        replications: 3
        seed: 7
        population: {total: 10000, adults: 8000}
        services:
          acute:
            kind: acute
            capacity: 20
            length_of_stay: {exponential: {mean: 3d}}
          intermediate_care:
            kind: intermediate_care
            capacity: 3
            length_of_stay: {exponential: {mean: 8d}}
            allow_overload: true    # offered 4 beds' worth for 3: overloaded on purpose, so that patients block in acute
        arrivals:
          ed:
            service: acute
            rate: 5/d
        routing:
          acute: {home: 0.9, intermediate_care: 0.1}
          intermediate_care: {home: 1}
        prices:
          year: 2016/17
          excess_bed_day: £313
          elective: {bed_days: 3, price: £3684}
          services:
            acute: {occupied_day: £350, admission: £1590}
            intermediate_care: {occupied_day: £200, funded_day: £20}
        variants:
          same:
            description: Changes nothing.
          more_ic:
            set:
              services.intermediate_care.capacity: 6
        """;

    /// <summary>Standard error with sizing's warnings taken out (the fixtures overload on purpose): what else was said.</summary>
    public static string WithoutSizingWarnings(string error) =>
        string.Concat(error.Split('\n').Where(l => !(l.Contains(": warning: ", StringComparison.Ordinal) && l.Contains(" worth of patients for ", StringComparison.Ordinal)))
            .Select(l => l + "\n")).TrimEnd('\n');

    public static string WriteTiny()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tiny-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Tiny);
        return path;
    }
}
