namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// One reason stays cannot be fitted, or one family that was not: returned as data by
/// <see cref="StayFit.Problems"/> (and carried by <see cref="StayFitException"/> and
/// <see cref="StayFit.NotFitted"/>), so a command can say what is wrong without catching. Immutable.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">A sentence naming the numbers (the duration, the counts), invariant culture.</param>
/// <param name="Index">For <see cref="StayFitProblemKind.InvalidDuration"/>: the stay's position in the input, from 0.</param>
/// <param name="Value">For <see cref="StayFitProblemKind.InvalidDuration"/>: the duration given.</param>
/// <param name="Family">For <see cref="StayFitProblemKind.DidNotConverge"/>: the family not fitted.</param>
public sealed record StayFitProblem(StayFitProblemKind Kind, string Message, long? Index = null, double? Value = null, StayFamily? Family = null)
{
    /// <inheritdoc/>
    public override string ToString() => Message;
}
