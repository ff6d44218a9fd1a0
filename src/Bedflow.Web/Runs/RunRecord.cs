namespace Bedflow.Web.Runs;

/// <summary>
/// What is kept of one run beside its scenario (run.json in its folder), so that a board paper can
/// cite it: the scenario's name and SHA-256 (of the exact bytes given, kept as scenario.yaml), who
/// started it and when, the Bedflow version, seed and replications, where it stands, and its
/// output files. Immutable: each change is a new record written whole.
/// </summary>
/// <param name="Id">The run's id (its folder's name): yyyyMMddTHHmmss (UTC) and 8 random letters.</param>
/// <param name="Kind"><see cref="RunKinds.Run"/>, <see cref="RunKinds.Optimise"/> or <see cref="RunKinds.Forecast"/>.</param>
/// <param name="Of">For an optimisation or a forecast, the run whose scenario it took; else null.</param>
/// <param name="Scenario">The scenario's name (its name: key).</param>
/// <param name="File">The file name the scenario was given under (an upload's name, or the example's path).</param>
/// <param name="Sha256">SHA-256 of scenario.yaml, lower-case hex.</param>
/// <param name="StartedBy">The account that started it.</param>
/// <param name="CreatedUtc">When it was asked for (queued), UTC, yyyy-MM-ddTHH:mm:ssZ.</param>
/// <param name="Version">The Bedflow version that ran it.</param>
/// <param name="Seed">The master seed.</param>
/// <param name="Replications">Replications of each variant (for an optimisation: the scenario's; the search adds its own; for a forecast: its own).</param>
/// <param name="Variants">The baseline and its variants (for a forecast: those it forecasts).</param>
/// <param name="Status">queued, running, done, failed or interrupted (<see cref="RunStatus"/>).</param>
/// <param name="Percent">How far it has got, 0–100.</param>
public sealed record RunRecord(string Id, string Kind, string? Of, string Scenario, string File, string Sha256, string StartedBy, string CreatedUtc,
    string Version, ulong Seed, int Replications, int Variants, string Status, double Percent)
{
    /// <summary>When it started running, UTC; null while queued.</summary>
    public string? StartedUtc { get; init; }

    /// <summary>When it finished (done, failed or interrupted), UTC; null before.</summary>
    public string? FinishedUtc { get; init; }

    /// <summary>Why it failed or was interrupted, in words; null otherwise.</summary>
    public string? Message { get; init; }

    /// <summary>For a forecast, what it was asked for (its moment, days, replications, variants); else null.</summary>
    public ForecastAsked? Forecast { get; init; }

    /// <summary>The output files (in the run's out/ folder), once done.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];
}
