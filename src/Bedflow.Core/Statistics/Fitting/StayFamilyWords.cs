using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>The words of the length-of-stay families: the one table for <see cref="StayFamily"/>.</summary>
public static class StayFamilyWords
{
    /// <summary>A family's words.</summary>
    /// <param name="Value">The family.</param>
    /// <param name="Code">Its code: the scenario file's distribution key (<c>{gamma: …}</c>), the calibration report.</param>
    public sealed record Row(StayFamily Value, string Code) : IVocabularyRow<StayFamily>;

    /// <summary>The table.</summary>
    public static VocabularyTable<StayFamily, Row> Table { get; } = new(
    [
        new(StayFamily.Exponential, "exponential"),
        new(StayFamily.Gamma, "gamma"),
        new(StayFamily.LogNormal, "lognormal"),
        new(StayFamily.Weibull, "weibull"),
    ]);

    /// <summary>The family's code: exponential, gamma, lognormal, weibull.</summary>
    public static string Code(StayFamily family) => Table[family].Code;
}
