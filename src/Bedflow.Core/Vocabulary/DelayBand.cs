namespace Bedflow.Core.Vocabulary;

/// <summary>
/// Days from the discharge-ready date to discharge, in the bands England has counted since 2024:
/// 0 (discharged on the day), 1, 2–3, 4–6, 7–13, 14–20, 21 and over.
/// </summary>
public enum DelayBand
{
    /// <summary>Discharged on the discharge-ready date.</summary>
    Zero,
    /// <summary>1 day.</summary>
    One,
    /// <summary>2–3 days.</summary>
    TwoToThree,
    /// <summary>4–6 days.</summary>
    FourToSix,
    /// <summary>7–13 days.</summary>
    SevenToThirteen,
    /// <summary>14–20 days.</summary>
    FourteenToTwenty,
    /// <summary>21 days and over.</summary>
    TwentyOneAndOver,
}
