namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// Thrown by <see cref="StayFit.Of"/> when the stays cannot be fitted (a caller with data from a
/// user checks <see cref="StayFit.Problems"/> first and never needs to catch this).
/// </summary>
public sealed class StayFitException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public StayFitException(IReadOnlyList<StayFitProblem> problems)
        : base("The stays cannot be fitted: " + string.Join(" ", problems.Select(p => p.Message)))
    {
        Problems = problems;
    }

    /// <summary>Creates an exception with no problems.</summary>
    public StayFitException() : this([])
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public StayFitException(string message) : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public StayFitException(string message, Exception innerException) : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<StayFitProblem> Problems { get; }
}
