namespace Bedflow.Core.Randomness;

/// <summary>
/// Derives independent random streams from a key, so that common random numbers hold across
/// scenarios: a patient's draws depend only on (seed, replication, arrival stream, patient
/// index, visit number), never on what other patients did or on capacities.
/// </summary>
public static class RandomStreams
{
    // Distinct tags keep the arrival-time stream apart from every patient stream.
    private const ulong ArrivalTag = 0xA11CE5EEDUL;
    private const ulong PatientTag = 0x9A7E47UL;
    private const ulong ModelTag = 0x30DE1UL;
    private const ulong ResamplingTag = 0xB0075EEDUL;
    private const ulong AttributionTag = 0xA77B1BUL;
    private const ulong ParameterTag = 0x7E7A5UL;

    /// <summary>The stream of inter-arrival times (and thinning draws) of one arrival stream.</summary>
    public static Xoshiro256StarStar ForArrivals(ulong seed, int replication, int stream)
    {
        ulong h = SplitMix64.Combine(SplitMix64.Mix(seed), ArrivalTag);
        h = SplitMix64.Combine(h, (ulong)replication);
        h = SplitMix64.Combine(h, (ulong)stream);
        return new Xoshiro256StarStar(h);
    }

    /// <summary>The stream of one patient's draws at one visit (visit 0 is the first service).</summary>
    public static Xoshiro256StarStar ForPatientVisit(ulong seed, int replication, int stream, long patientIndex, int visit) =>
        ForPatientVisit(PatientPrefix(seed, replication, stream), patientIndex, visit);

    /// <summary>
    /// The part of a patient key shared by every patient of one stream in one replication.
    /// This overload pair exists for performance: the engine hashes the prefix once per run.
    /// </summary>
    public static ulong PatientPrefix(ulong seed, int replication, int stream)
    {
        ulong h = SplitMix64.Combine(SplitMix64.Mix(seed), PatientTag);
        h = SplitMix64.Combine(h, (ulong)replication);
        return SplitMix64.Combine(h, (ulong)stream);
    }

    /// <summary>A patient's visit stream from a prefix made by <see cref="PatientPrefix"/>.</summary>
    public static Xoshiro256StarStar ForPatientVisit(ulong prefix, long patientIndex, int visit)
    {
        ulong h = SplitMix64.Combine(prefix, (ulong)patientIndex);
        h = SplitMix64.Combine(h, (ulong)visit);
        return new Xoshiro256StarStar(h);
    }

    /// <summary>
    /// The uniform draw in [0, 1) that attributes one patient's delays in one stay to an
    /// organisation when a service's delays are shared (<see cref="Model.ResponsibilityMix"/>):
    /// a hash of the patient's key, apart from every simulation stream (drawing it changes no other
    /// number), the same for that patient in every option compared, and the same for every stage of
    /// the stay's delay (a referral, then the wait for a place), so where the stages' shares agree
    /// the patient's whole delay falls to one organisation.
    /// </summary>
    public static double ForAttribution(ulong seed, int replication, int stream, long patientIndex, int visit)
    {
        ulong h = SplitMix64.Combine(SplitMix64.Mix(seed), AttributionTag);
        h = SplitMix64.Combine(h, (ulong)replication);
        h = SplitMix64.Combine(h, (ulong)stream);
        h = SplitMix64.Combine(h, (ulong)patientIndex);
        h = SplitMix64.Combine(h, (ulong)visit);
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A stream for model-level draws that belong to no patient (e.g. the starting state).</summary>
    public static Xoshiro256StarStar ForModel(ulong seed, int replication, int purpose)
    {
        ulong h = SplitMix64.Combine(SplitMix64.Mix(seed), ModelTag);
        h = SplitMix64.Combine(h, (ulong)replication);
        h = SplitMix64.Combine(h, (ulong)purpose);
        return new Xoshiro256StarStar(h);
    }

    /// <summary>
    /// A stream for one replicate of a statistical resampling (a parametric bootstrap), keyed by
    /// the caller's seed, the replicate and what is resampled (e.g. the family fitted): apart from
    /// every simulation stream, and the same whatever order or thread the replicates run on.
    /// </summary>
    public static Xoshiro256StarStar ForResampling(ulong seed, int replicate, int purpose)
    {
        ulong h = SplitMix64.Combine(SplitMix64.Mix(seed), ResamplingTag);
        h = SplitMix64.Combine(h, (ulong)replicate);
        h = SplitMix64.Combine(h, (ulong)purpose);
        return new Xoshiro256StarStar(h);
    }

    /// <summary>
    /// The stream of one replication's drawn parameters (second-order Monte Carlo): keyed by
    /// (seed, replication) only, apart from every patient's and arrival's stream, so drawing
    /// parameters changes no patient's draws and every variant of replication r gets the same.
    /// </summary>
    public static Xoshiro256StarStar ForParameters(ulong seed, int replication)
    {
        ulong h = SplitMix64.Combine(SplitMix64.Mix(seed), ParameterTag);
        h = SplitMix64.Combine(h, (ulong)replication);
        return new Xoshiro256StarStar(h);
    }
}
