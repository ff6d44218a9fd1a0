using Bedflow.Data.Scenarios;

namespace Bedflow.Web.Runs;

/// <summary>
/// The outcome of asking for a run: started (its record), or not — with the scenario's problems
/// (each with line and column), a scenario too large, a refusal in words (memory, no optimise:
/// section), or a full queue.
/// </summary>
internal sealed record RunStart(RunRecord? Started, IReadOnlyList<ScenarioProblem> Problems, string? Refused, bool TooLarge, bool QueueFull)
{
    public static RunStart Ok(RunRecord record) => new(record, [], null, false, false);

    public static RunStart Invalid(IReadOnlyList<ScenarioProblem> problems) => new(null, problems, null, false, false);

    public static RunStart Refusal(string why) => new(null, [], why, false, false);
}
