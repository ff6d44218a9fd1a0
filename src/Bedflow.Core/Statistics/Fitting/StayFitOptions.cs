namespace Bedflow.Core.Statistics.Fitting;

/// <summary>How <see cref="StayFit.Of"/> fits: the guard on small samples and the goodness-of-fit bootstrap. Immutable.</summary>
public sealed record StayFitOptions
{
    /// <summary>The defaults: at least 10 completed stays, 199 bootstrap samples, seed 1.</summary>
    public static StayFitOptions Default { get; } = new();

    /// <summary>
    /// The fewest completed (uncensored) stays to fit from; fewer is a
    /// <see cref="StayFitProblemKind.TooFewCompletedStays"/> problem, not a fit. At least 2.
    /// </summary>
    public int MinimumCompletedStays { get; init; } = 10;

    /// <summary>
    /// Parametric bootstrap samples for each family's goodness-of-fit p-value; 0 computes the
    /// distance and the Q–Q points but no p-value. 199 gives p-values in steps of 0.005.
    /// </summary>
    public int BootstrapReplicates { get; init; } = 199;

    /// <summary>
    /// The most stays in one bootstrap sample. With more stays than this the bootstrap samples have
    /// this many, and the distance is compared on the √n scale (see <see cref="GoodnessOfFit"/>).
    /// </summary>
    public int BootstrapSampleCap { get; init; } = 5_000;

    /// <summary>The seed of the bootstrap's random streams (<see cref="Randomness.RandomStreams.ForResampling"/>): same seed, same p-values.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Threads for the bootstrap (null: one per processor). The results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
