namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// How far the fitted distribution function lies from the Kaplan–Meier one, and whether that is
/// more than chance would give. Valid under right-censoring because it compares with the
/// Kaplan–Meier estimate (not the raw durations) and calibrates by a bootstrap that censors as the
/// data were censored. Immutable.
/// </summary>
/// <remarks>
/// <para>
/// The statistic is D = sup |F̂(t) − F(t; θ̂)| over 0 ≤ t ≤ the longest stay, F̂ = 1 − Ŝ the
/// Kaplan–Meier distribution function (a Kolmogorov–Smirnov distance for censored data; Fleming
/// et al. 1980). With estimated parameters and censoring its null distribution is not
/// Kolmogorov's, so the p-value is by parametric bootstrap: each replicate draws as many stays as
/// the data hold from the fitted distribution (the engine's own sampler), censors each at a time
/// drawn from the reverse Kaplan–Meier estimate of the censoring distribution (the patients still
/// in treated as events; a stay beyond the last censoring time is never censored), refits the
/// same family by maximum likelihood and computes D*; p = (1 + #{D* ≥ D}) / (1 + replicates).
/// Refitting each replicate is what makes the p-value honest for estimated parameters.
/// </para>
/// <para>
/// With more stays than <see cref="StayFitOptions.BootstrapSampleCap"/> each replicate holds the
/// cap, m stays, and √m D* is compared with √n D (both converge to the same limit): an
/// approximation, and <see cref="SampleSize"/> says when it was made. Stays recorded in whole days
/// are tied; a continuous family fitted to very many of them is told apart from the step of the
/// data, so with tens of thousands of whole-day stays a small p-value may mean rounding, not a
/// wrong family — read the Q–Q points.
/// </para>
/// Each replicate draws from <see cref="Randomness.RandomStreams.ForResampling"/>(seed, replicate,
/// family), so the p-value is the same for any number of threads.
/// </remarks>
/// <param name="Distance">D, the largest gap between the two distribution functions (0 to 1).</param>
/// <param name="PValue">The bootstrap p-value, or null when no replicate was asked for (or none could be refitted).</param>
/// <param name="Replicates">The bootstrap replicates that were refitted and counted (a replicate with too few completed stays, or whose fit did not converge, is left out).</param>
/// <param name="SampleSize">Stays in each bootstrap replicate: the data's own number, or the cap.</param>
public sealed record GoodnessOfFit(double Distance, double? PValue, int Replicates, int SampleSize);
