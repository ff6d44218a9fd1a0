namespace Bedflow.Core.Vocabulary;

/// <summary>The words of the discharge pathways: the one table for <see cref="DischargePathway"/>.</summary>
public static class DischargePathwayWords
{
    /// <summary>A pathway's words.</summary>
    /// <param name="Value">The pathway.</param>
    /// <param name="Code">Its stable code, P0 … P3: scenario files (<c>pathway</c>, <c>exits</c>), results JSON, the register's destinations (stored and imported).</param>
    public sealed record Row(DischargePathway Value, string Code) : IVocabularyRow<DischargePathway>;

    /// <summary>
    /// The word for "no pathway" where a pathway may be given (a scenario's exit, the register's
    /// destination): a way out that is not a discharge, such as death.
    /// </summary>
    public const string None = "none";

    /// <summary>The table.</summary>
    public static VocabularyTable<DischargePathway, Row> Table { get; } = new(
    [
        new(DischargePathway.P0, "P0"),
        new(DischargePathway.P1, "P1"),
        new(DischargePathway.P2, "P2"),
        new(DischargePathway.P3, "P3"),
    ]);

    /// <summary>The pathway's code: P0, P1, P2, P3.</summary>
    public static string Code(DischargePathway pathway) => Table[pathway].Code;
}
