namespace Bedflow.Core.Statistics.Fitting;

/// <summary>What is wrong with stays offered to <see cref="StayFit"/>, for a caller to word.</summary>
public enum StayFitProblemKind
{
    /// <summary>There were no stays at all.</summary>
    NoStays,
    /// <summary>A stay's duration is 0, negative, infinite or not a number (<see cref="StayFitProblem.Index"/> and <see cref="StayFitProblem.Value"/> say which).</summary>
    InvalidDuration,
    /// <summary>Every stay was censored: nothing says how long a stay lasts.</summary>
    AllCensored,
    /// <summary>Some stays were completed, but fewer than <see cref="StayFitOptions.MinimumCompletedStays"/>.</summary>
    TooFewCompletedStays,
    /// <summary>A family's likelihood could not be maximised (<see cref="StayFitProblem.Family"/> says which); the others were fitted.</summary>
    DidNotConverge,
}
