using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Statistics.Fitting;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Calibration;

/// <summary>
/// A process step's time (a <see cref="ServiceRole.Resource"/> of unlimited capacity that routes
/// every patient to one place, e.g. a referral for a community bed) fitted from the register's
/// transfers through it, by splitting each delay — ready to leaving — into the time while the
/// destination had a free place and the time while it was full. Immutable.
/// </summary>
/// <remarks>
/// <para>
/// The engine's patient, ready in its bed at r, spends the process time S in the step, then takes
/// a place at once if one is free, else waits in its bed until one frees (blocking after service).
/// So a transfer whose destination had a free place throughout [r, exit) took exactly S = exit − r;
/// one whose destination was full at some time f before the exit had not finished the process by
/// f (had it finished while a place was free, it would have been admitted then), so S ≥ f − r:
/// right-censored at the first moment the destination filled. That censoring time depends on the
/// destination's occupancy, not on this patient's S, so the censored maximum likelihood of
/// <see cref="StayFit"/> is valid. A patient who waited for its choice of provider (SitRep G)
/// began that wait when the step ended: S is the time to the choice's start, exactly.
/// </para>
/// <para>
/// Where the register does not hold the destination's beds (home care, care homes), nothing says
/// when it was full: the whole ready→leaving time (to a choice's start) is fitted, an upper bound
/// of the process time (<see cref="UpperBound"/>), which is reported and not written.
/// </para>
/// </remarks>
public sealed record ProcessTimeCalibration
{
    /// <summary>The process step (the resource service).</summary>
    public required string Resource { get; init; }

    /// <summary>The place it leads to.</summary>
    public required string Destination { get; init; }

    /// <summary>True when the register does not hold the destination's beds: the fit is of the whole ready→leaving time, an upper bound.</summary>
    public required bool UpperBound { get; init; }

    /// <summary>The register's bed services whose transfers were used.</summary>
    public required IReadOnlyList<string> From { get; init; }

    /// <summary>Bed services that route to the step but whose transfers the register cannot tell from another route's (the same destination reached otherwise): not used.</summary>
    public IReadOnlyList<string> NotAttributable { get; init; } = [];

    /// <summary>Each transfer's process time, observed or right-censored, in days.</summary>
    public required IReadOnlyList<Stay> Observations { get; init; }

    /// <summary>Mean days of a delay while the destination had a free place (NaN when the register cannot see it, or no transfer).</summary>
    public double MeanFreeDays { get; init; } = double.NaN;

    /// <summary>Mean days of a delay while the destination was full (NaN when the register cannot see it, or no transfer).</summary>
    public double MeanFullDays { get; init; } = double.NaN;

    /// <summary>Transfers during which the destination was never full (their delay is all process time).</summary>
    public int NeverFull { get; init; }

    /// <summary>The fit; null when not fitted.</summary>
    public StayFit? Fit { get; init; }

    /// <summary>Why not fitted; empty when fitted.</summary>
    public IReadOnlyList<StayFitProblem> Problems { get; init; } = [];

    /// <summary>The family kept (the scenario's own, because its <c>calibrate:</c> section names one of its parameters); null when chosen by AIC.</summary>
    public StayFamily? KeptFamily { get; init; }

    /// <summary>Why nothing could be fitted, in words (a limited step, a family that cannot be kept …); null otherwise.</summary>
    public string? Note { get; init; }

    /// <summary>Transfers used.</summary>
    public int Transfers => Observations.Count;

    /// <summary>Of <see cref="Transfers"/>, those right-censored.</summary>
    public int Censored => Observations.Count(o => o.IsCensored);

    /// <summary>
    /// Every process step of <paramref name="network"/> that the register's bed services route to,
    /// fitted from <paramref name="evidence"/>'s transfers through it.
    /// </summary>
    /// <param name="network">The scenario.</param>
    /// <param name="evidence">The register's samples.</param>
    /// <param name="keepFamily">Steps whose length-of-stay family must be kept (their parameters are named elsewhere, e.g. by a <c>calibrate:</c> section).</param>
    /// <param name="options">Fitting options.</param>
    public static IReadOnlyList<ProcessTimeCalibration> Of(Network network, RegisterEvidence evidence, IReadOnlySet<string>? keepFamily = null, StayFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(evidence);
        var settings = ServiceDelays.For(network);
        var day0 = network.StartDate.ToDateTime(TimeOnly.MinValue);
        var results = new List<ProcessTimeCalibration>();
        foreach (var step in network.Services.Where(s => s.Role == ServiceRole.Resource))
        {
            if (network.Routes.Where(r => r.From == step.Name).ToList() is not [{ Group: null, Destinations: [(var to, _)] }]
                || network.ServiceIndex(to) is var x && x < 0 || network.Services[x].Role == ServiceRole.Resource)
            {
                continue; // not a step to one place
            }
            var sources = evidence.Services
                .Where(b => network.ServiceIndex(b.Service) is var i && i >= 0 && network.Services[i].Role != ServiceRole.Resource
                    && network.Routes.Any(r => r.From == b.Service && r.Destinations.Any(d => d.To == step.Name && d.Probability > 0)))
                .ToList();
            if (sources.Count == 0)
            {
                continue;
            }
            bool visible = settings[x].Beds != SitRepBeds.None;
            var seen = visible ? Calibration.Destination.To(to) : Calibration.Destination.Discharged(settings[x].Pathway);
            var used = new List<string>();
            var shared = new List<string>();
            foreach (var b in sources)
            {
                // Another of b's routes seen as the same destination: the register cannot tell which way a transfer went.
                bool other = network.Routes.Where(r => r.From == b.Service).SelectMany(r => r.Destinations)
                    .Any(d => d.To != step.Name && d.Probability > 0 && RoutingCalibration.SeenAs(network, settings, d.To, 1, 0).ContainsKey(seen));
                (other ? shared : used).Add(b.Service);
            }
            var basis = new ProcessTimeCalibration
            {
                Resource = step.Name, Destination = to, UpperBound = !visible, From = used, NotAttributable = shared, Observations = [],
            };
            if (!step.Capacity.Initial.IsUnlimited || step.Capacity.Changes.Any(c => !c.Capacity.IsUnlimited))
            {
                results.Add(basis with { Note = $"{step.Name} has a limited capacity: a transfer's time includes waiting for it, which the register cannot tell from the process; not fitted." });
                continue;
            }
            if (used.Count == 0)
            {
                results.Add(basis with { Note = $"every bed service routing to {step.Name} ({string.Join(", ", shared)}) reaches what the register sees of {to} ({seen}) by another route too, so it cannot tell which way a transfer went; not fitted." });
                continue;
            }
            var occupancy = visible ? evidence.For(to)?.Occupancy : null;
            if (visible && occupancy is null)
            {
                results.Add(basis with { Note = $"the register holds no stays of {to}, so when it was full is not known; not fitted." });
                continue;
            }
            var observations = new List<Stay>();
            double free = 0, full = 0;
            int neverFull = 0;
            foreach (var d in used.SelectMany(b => evidence.For(b)!.Departures).Where(d => d.To == seen))
            {
                if (occupancy is not null)
                {
                    DateTime? filled = null;
                    foreach (var (from, until, isFull) in occupancy.Stretches(d.Ready, d.Exit, network.Services[x].Capacity, day0))
                    {
                        if (isFull)
                        {
                            full += (until - from).TotalDays;
                            filled ??= from;
                        }
                        else
                        {
                            free += (until - from).TotalDays;
                        }
                    }
                    neverFull += filled is null ? 1 : 0;
                    observations.Add(d.ChoiceFrom is { } g && g >= d.Ready ? Stay.Completed(Positive(g - d.Ready))
                        : filled is { } f ? Stay.StillIn(Positive(f - d.Ready))
                        : Stay.Completed(Positive(d.Exit - d.Ready)));
                }
                else
                {
                    var end = d.ChoiceFrom is { } g && g >= d.Ready ? g : d.Exit;
                    observations.Add(Stay.Completed(Positive(end - d.Ready)));
                }
            }
            basis = basis with
            {
                Observations = observations,
                NeverFull = neverFull,
                MeanFreeDays = visible && observations.Count > 0 ? free / observations.Count : double.NaN,
                MeanFullDays = visible && observations.Count > 0 ? full / observations.Count : double.NaN,
            };
            StayFamily? kept = null;
            if (keepFamily?.Contains(step.Name) == true)
            {
                kept = FamilyOf(step.LengthOfStay);
                if (kept is null)
                {
                    results.Add(basis with { Note = $"the scenario's calibrate: section names a parameter of {step.Name}'s length of stay, whose family cannot be fitted: not fitted." });
                    continue;
                }
            }
            var problems = StayFit.Problems(observations, options);
            results.Add(problems.Count > 0
                ? basis with { Problems = problems, KeptFamily = kept }
                : basis with { Fit = StayFit.Of(observations, kept is { } k ? [k] : null, options), KeptFamily = kept });
        }
        return results;
    }

    /// <summary>The fitted family a distribution is, or null when it is none of them.</summary>
    internal static StayFamily? FamilyOf(Distribution distribution) => distribution switch
    {
        ExponentialDistribution => StayFamily.Exponential,
        GammaDistribution => StayFamily.Gamma,
        LogNormalDistribution => StayFamily.LogNormal,
        WeibullDistribution => StayFamily.Weibull,
        _ => null,
    };

    // A time of zero (to the minute) is half a minute: no length-of-stay family allows 0.
    private static double Positive(TimeSpan t) => Math.Max(t.TotalDays, 0.5 / (24 * 60));
}
