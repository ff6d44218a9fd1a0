using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Finance;

/// <summary>What the recommendation optimises among acceptable options.</summary>
public enum Objective
{
    /// <summary>Least extra cost a year per delayed day avoided a year (options must clearly avoid delays). The default when the scenario is priced.</summary>
    CostPerDelayedDayAvoided,

    /// <summary>Most delayed days avoided a year. The default when the scenario has no prices.</summary>
    DelayedDaysAvoided,

    /// <summary>Least extra cost (most saved); delayed days must not rise significantly.</summary>
    Cost,
}

/// <summary>The words of <see cref="Objective"/>: the one table for it.</summary>
public static class ObjectiveWords
{
    /// <summary>A member's words.</summary>
    /// <param name="Value">The member.</param>
    /// <param name="Code">Its stable code: the scenario's <c>decision.objective</c>, results.json.</param>
    /// <param name="Display">How the faces name it.</param>
    public sealed record Row(Objective Value, string Code, string Display) : IVocabularyRow<Objective>;

    /// <summary>The table.</summary>
    public static VocabularyTable<Objective, Row> Table { get; } = new(
    [
        new(Objective.CostPerDelayedDayAvoided, "cost_per_delayed_day_avoided", "£ per delayed day avoided"),
        new(Objective.DelayedDaysAvoided, "delayed_days_avoided", "delayed days avoided a year"),
        new(Objective.Cost, "cost", "extra cost"),
    ]);

    /// <summary>The member's code.</summary>
    public static string Code(Objective value) => Table[value].Code;
}
