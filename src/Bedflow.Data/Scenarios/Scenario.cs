using Bedflow.Core.Delays;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// A scenario file, read and validated: the baseline network, its variants (each a whole
/// network, all run on common random numbers), and how to run them. Immutable.
/// </summary>
public sealed record Scenario
{
    /// <summary>The scenario's name.</summary>
    public required string Name { get; init; }

    /// <summary>What it describes.</summary>
    public string Description { get; init; } = "";

    /// <summary>The file it was read from.</summary>
    public required string File { get; init; }

    /// <summary>The baseline.</summary>
    public required Network Baseline { get; init; }

    /// <summary>The baseline's economy (prices, budgets, pooled fund); null when the file gives no prices.</summary>
    public Core.Finance.Economy? Economy { get; init; }

    /// <summary>Named variants, in file order (the baseline not included).</summary>
    public IReadOnlyList<ScenarioVariant> Variants { get; init; } = [];

    /// <summary>Warm-up, horizon, replications and seed.</summary>
    public required RunOptions Options { get; init; }

    /// <summary>The target for patients delayed on a typical day, drawn on the report; null = none.</summary>
    public double? TargetDelayedPatients { get; init; }

    /// <summary>Provider and council codes for SitRep exports; null if the file gives none.</summary>
    public SitRepIdentity? SitRep { get; init; }

    /// <summary>The baseline and every variant, baseline first.</summary>
    public IReadOnlyList<ScenarioVariant> AllVariants => [new ScenarioVariant("baseline", "The scenario as described.", Baseline, Economy), .. Variants];

    /// <summary>
    /// Reads and validates a scenario file: every problem at once, each with file, line, column
    /// and key path. Never throws for a mistake in the file.
    /// </summary>
    public static ScenarioLoad Load(string path) => ScenarioLoader.Load(path);

    /// <summary>Reads a scenario from text (the file name is used in messages only).</summary>
    public static ScenarioLoad Parse(string yaml, string fileName) => ScenarioLoader.Parse(yaml, fileName);
}

/// <summary>A named variant of a scenario.</summary>
/// <param name="Name">Its name, e.g. "pilot_stopped".</param>
/// <param name="Description">What it changes.</param>
/// <param name="Network">The whole network with the changes applied.</param>
/// <param name="Economy">Its prices, intervention costs, budgets and pooled fund; null when the file gives no prices.</param>
public sealed record ScenarioVariant(string Name, string Description, Network Network, Core.Finance.Economy? Economy = null);

/// <summary>The outcome of reading a scenario: the scenario if it has no errors, and every problem and warning.</summary>
/// <param name="Scenario">The scenario, or null when there were errors.</param>
/// <param name="Problems">Errors and warnings, in file order.</param>
public sealed record ScenarioLoad(Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>True when there are no errors (warnings allowed).</summary>
    public bool IsValid => Scenario is not null;
}
