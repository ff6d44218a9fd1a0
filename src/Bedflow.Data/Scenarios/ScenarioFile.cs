using Bedflow.Core.Experiments;

namespace Bedflow.Data.Scenarios;

/// <summary>Scenario files: read and validated into a <see cref="Scenario"/>.</summary>
public static class ScenarioFile
{
    /// <summary>
    /// Reads and validates a scenario file: every problem at once, each with file, line, column
    /// and key path. Never throws for a mistake in the file.
    /// </summary>
    public static ScenarioLoad Load(string path) => ScenarioLoader.Load(path);

    /// <summary>Reads a scenario from text (the file name is used in messages only).</summary>
    public static ScenarioLoad Parse(string yaml, string fileName) => ScenarioLoader.Parse(yaml, fileName);
}

/// <summary>The outcome of reading a scenario: the scenario if it has no errors, and every problem and warning.</summary>
/// <param name="Scenario">The scenario, or null when there were errors.</param>
/// <param name="Problems">Errors and warnings, in file order.</param>
public sealed record ScenarioLoad(Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>True when there are no errors (warnings allowed).</summary>
    public bool IsValid => Scenario is not null;
}
