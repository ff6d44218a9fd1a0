namespace Bedflow.Web.Runs;

/// <summary>What a run does (<see cref="RunRecord.Kind"/>).</summary>
public static class RunKinds
{
    /// <summary>`bedflow run`: the baseline and every variant on common random numbers, the board pack.</summary>
    public const string Run = "run";

    /// <summary>`bedflow optimise`: the search of the scenario's optimise: section, its pages and frontier.</summary>
    public const string Optimise = "optimise";

    /// <summary>`bedflow forecast`: the register's census at a moment run forward, baseline and variants, with prediction bands.</summary>
    public const string Forecast = "forecast";
}
