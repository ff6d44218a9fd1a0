namespace Bedflow.Core.Experiments;

/// <summary>What an optimisation minimises within each budget.</summary>
public enum OptimiseGoal
{
    /// <summary>Delayed days a year (the default).</summary>
    DelayedDays,

    /// <summary>Total system cost a year: the levers' spend, the price of the delayed days and the price of unmet demand.</summary>
    TotalCost,
}
