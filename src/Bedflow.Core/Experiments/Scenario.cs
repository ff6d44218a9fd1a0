using Bedflow.Core.Delays;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;

namespace Bedflow.Core.Experiments;

/// <summary>
/// A scenario: the baseline network, its variants (each a whole network, all run on common
/// random numbers), and how to run them. Immutable. Bedflow.Data reads scenario files into it.
/// </summary>
public sealed record Scenario
{
    /// <summary>The scenario's name.</summary>
    public required string Name { get; init; }

    /// <summary>What it describes.</summary>
    public string Description { get; init; } = "";

    /// <summary>The file it was read from (a name for messages and reports; Core reads no files).</summary>
    public required string File { get; init; }

    /// <summary>The baseline.</summary>
    public required Network Baseline { get; init; }

    /// <summary>The baseline's economy (prices, budgets, pooled fund); null when the file gives no prices.</summary>
    public Core.Finance.Economy? Economy { get; init; }

    /// <summary>Named variants, in file order (the baseline not included).</summary>
    public IReadOnlyList<ExperimentVariant> Variants { get; init; } = [];

    /// <summary>Warm-up, horizon, replications and seed.</summary>
    public required RunOptions Options { get; init; }

    /// <summary>The target for patients delayed on a typical day, drawn on the report; null = none.</summary>
    public double? TargetDelayedPatients { get; init; }

    /// <summary>How options are appraised (the file's <c>decision:</c> section).</summary>
    public DecisionRules Decision { get; init; } = DecisionRules.Default;

    /// <summary>The parameters the scenario marks as unknown, for calibration to the published months (its <c>calibrate:</c> section).</summary>
    public IReadOnlyList<UnknownParameter> Unknown { get; init; } = [];

    /// <summary>The parameters whose uncertainty the scenario states (its <c>uncertainty:</c> section), for second-order Monte Carlo.</summary>
    public IReadOnlyList<UncertainParameter> Uncertainty { get; init; } = [];

    /// <summary>
    /// The baseline and every variant (as <see cref="AllVariants"/>, in the same order) with drawn
    /// parameters put in place of the file's; given by whoever read the scenario (Bedflow.Data
    /// edits the file's tree and reads it again). It throws <see cref="Model.InvalidModelException"/>
    /// when the drawn values make the scenario invalid. Null when the scenario states no uncertainty.
    /// </summary>
    public Func<ParameterDraw, IReadOnlyList<ExperimentVariant>>? WithParameters { get; init; }

    /// <summary>The budget-constrained search the scenario asks for (its <c>optimise:</c> section); null when it has none.</summary>
    public OptimiseSpec? Optimise { get; init; }

    /// <summary>Provider and council codes for SitRep exports; null if the file gives none.</summary>
    public SitRepIdentity? SitRep { get; init; }

    /// <summary>The baseline and every variant, baseline first.</summary>
    public IReadOnlyList<ExperimentVariant> AllVariants => [new ExperimentVariant("baseline", "The scenario as described.", Baseline, Economy), .. Variants];
}
