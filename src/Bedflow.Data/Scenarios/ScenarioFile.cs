using Bedflow.Core.Experiments;
using Bedflow.Core.Model;

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

    /// <summary>
    /// Reads a scenario's baseline from text, its <c>variants:</c> left out: for work on the
    /// baseline alone (fitting it to data, back-testing it), where an option that the new
    /// parameters or period make invalid — a stress test overloading a service — must not rule the
    /// baseline out.
    /// </summary>
    public static ScenarioLoad ParseBaseline(string yaml, string fileName) => ScenarioLoader.Parse(yaml, fileName, baselineOnly: true);
}

/// <summary>The outcome of reading a scenario: the scenario if it has no errors, and every problem and warning.</summary>
/// <param name="Scenario">The scenario, or null when there were errors.</param>
/// <param name="Problems">Errors and warnings, in file order.</param>
public sealed record ScenarioLoad(Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>Where each part of the baseline came from in the file; null when the file could not be read as a scenario.</summary>
    internal ModelPlaces? Places { get; init; }

    /// <summary>
    /// A problem the engine found in the scenario's model after it was read (a run stopped because
    /// time no longer moved on, say), placed in the file by its model path: file, line, column and
    /// key path, as the problems found while reading it are. Placed where the baseline has the part:
    /// a variant's network names the same services, streams and routes.
    /// </summary>
    public ScenarioProblem Place(ModelProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        string file = Scenario?.File ?? "";
        return Places?.Place(file, problem)
            ?? new ScenarioProblem(file, 0, 0, problem.Path.ToString(), problem.Message, problem.Severity == ProblemSeverity.Warning);
    }

    /// <summary>True when there are no errors (warnings allowed).</summary>
    public bool IsValid => Scenario is not null;
}
