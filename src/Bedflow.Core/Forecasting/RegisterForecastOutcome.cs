using Bedflow.Core.Model;

namespace Bedflow.Core.Forecasting;

/// <summary>
/// What came of a forecast from a register (<see cref="RegisterForecast"/>): the result, or why there
/// is none — no stays, a moment outside the register's data, a census that does not fit the
/// scenario, or a model that cannot run from it. Immutable.
/// </summary>
public sealed record RegisterForecastOutcome
{
    /// <summary>The moment asked for.</summary>
    public DateTime AsOf { get; init; }

    /// <summary>The register's data; null when it has no stays.</summary>
    public RegisterSpan? Span { get; init; }

    /// <summary>Why the census cannot start a run (a register service the scenario lacks, a moment before its start), in words; empty when it can.</summary>
    public IReadOnlyList<string> CensusProblems { get; init; } = [];

    /// <summary>Why the model cannot run from the census; empty when it can.</summary>
    public IReadOnlyList<ModelProblem> ModelProblems { get; init; } = [];

    /// <summary>The forecast; null when it was only checked, or could not run.</summary>
    public ForecastResult? Result { get; init; }

    /// <summary>Whether the moment is outside the register's data (it has some).</summary>
    public bool OutsideData => Span is { } s && !s.Holds(AsOf);

    /// <summary>Whether nothing found so far stops the forecast.</summary>
    public bool CanRun => Span is not null && !OutsideData && CensusProblems.Count == 0 && ModelProblems.Count == 0;
}
