using Bedflow.Core.Statistics;

namespace Bedflow.Core.Finance;

/// <summary>
/// A finding a <see cref="Verdict"/> states beside its kind, as data with its numbers; the faces
/// word it. Each kind of finding is a sealed record deriving from this one. Immutable.
/// </summary>
public abstract record VerdictReason;

/// <summary>
/// The option fills the hospital: patients waiting for an acute bed rise, with the lower end of
/// the paired 95% interval above <see cref="Threshold"/>. Fewer delays bought by a fuller hospital
/// are not the same good — part of the delay moves to the front door. Immutable.
/// </summary>
public sealed record FrontDoorWaitsRise : VerdictReason
{
    /// <summary>Patients a night: a rise counts when its interval's lower end is above this.</summary>
    public const double Threshold = 0.5;

    /// <summary>A finding on the change in patients waiting for an acute bed.</summary>
    public FrontDoorWaitsRise(Estimate admissionsWaiting)
    {
        ArgumentNullException.ThrowIfNull(admissionsWaiting);
        AdmissionsWaiting = admissionsWaiting;
    }

    /// <summary>Change in patients waiting for an acute bed on a typical night (variant − baseline).</summary>
    public Estimate AdmissionsWaiting { get; }
}

/// <summary>
/// The chosen option cannot be told apart from the runner-up by the objective at this number of
/// replications: the paired 95% interval of their difference includes zero. Immutable.
/// </summary>
/// <param name="RunnerUp">The next best acceptable option.</param>
/// <param name="Difference">The objective of the chosen option less the runner-up's, paired.</param>
/// <param name="ReplicationsNeeded">About how many replications would tell them apart.</param>
public sealed record CannotTellFromRunnerUp(string RunnerUp, Estimate Difference, int ReplicationsNeeded) : VerdictReason;

/// <summary>The chosen option is told apart from the runner-up: the paired interval of their difference excludes zero. Immutable.</summary>
/// <param name="RunnerUp">The next best acceptable option.</param>
/// <param name="Difference">The objective of the chosen option less the runner-up's, paired.</param>
public sealed record ToldApartFromRunnerUp(string RunnerUp, Estimate Difference) : VerdictReason;

/// <summary>An option left out of the recommendation, and why (its appraisal's reasons, by the appraisal). Immutable.</summary>
/// <param name="Variant">The option.</param>
/// <param name="Because">Its reasons.</param>
public sealed record NotAcceptable(string Variant, IReadOnlyList<VerdictReason> Because) : VerdictReason;
