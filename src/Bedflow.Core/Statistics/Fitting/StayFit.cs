namespace Bedflow.Core.Statistics.Fitting;

/// <summary>
/// Length-of-stay distributions fitted to patient-level stays, some still in at the extract date
/// (right-censored), by maximum likelihood: log L = Σ ln f(t) over completed stays + Σ ln S(t)
/// over censored ones. Every candidate family is one the engine simulates; the one with the
/// lowest AIC is <see cref="Chosen"/>. Immutable; <see cref="Of"/> is thread-safe.
/// </summary>
/// <remarks>
/// Intervals are Wald intervals on the log scale from the observed information (the numerical
/// Hessian of log L in the logarithms of the factory's parameters): see
/// <see cref="FittedParameter"/>. Goodness of fit: see <see cref="GoodnessOfFit"/>.
/// docs/calibration.md describes the method and its limits. Memory: the durations are held once,
/// as 8 bytes a stay, sorted (O(n log n)) and reduced to their distinct values with counts; each
/// likelihood then costs O(distinct durations) (the exponential and the lognormal's completed
/// stays only through sums).
/// </remarks>
public sealed record StayFit
{
    private static readonly StayFamily[] AllFamilies = [StayFamily.Exponential, StayFamily.Gamma, StayFamily.LogNormal, StayFamily.Weibull];

    private StayFit()
    {
    }

    /// <summary>How many stays were fitted, completed and censored.</summary>
    public long Stays { get; private init; }

    /// <summary>How many stays were completed (uncensored).</summary>
    public long CompletedStays { get; private init; }

    /// <summary>How many patients were still in at the extract date (censored).</summary>
    public long StillIn { get; private init; }

    /// <summary>The Kaplan–Meier estimate the fits are compared with.</summary>
    public KaplanMeier KaplanMeier { get; private init; } = null!;

    /// <summary>Every family fitted, lowest AIC first.</summary>
    public IReadOnlyList<FamilyFit> Fits { get; private init; } = [];

    /// <summary>Families asked for that could not be fitted, and why (empty when all were).</summary>
    public IReadOnlyList<StayFitProblem> NotFitted { get; private init; } = [];

    /// <summary>The family with the lowest AIC.</summary>
    public FamilyFit Chosen => Fits[0];

    /// <summary>The fit of one family, or null when it was not asked for or not fitted.</summary>
    public FamilyFit? this[StayFamily family] => Fits.FirstOrDefault(f => f.Family == family);

    /// <summary>
    /// Everything that stops <see cref="Of"/> fitting <paramref name="stays"/>, as data: durations
    /// that are not a finite number of days greater than 0 (each named with its position and value,
    /// the first 10, then how many more), no stays, every stay censored, or fewer completed stays
    /// than <see cref="StayFitOptions.MinimumCompletedStays"/>. Empty when <see cref="Of"/> will fit.
    /// One pass over the stays; nothing is stored.
    /// </summary>
    public static IReadOnlyList<StayFitProblem> Problems(IEnumerable<Stay> stays, StayFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stays);
        return StayScan.Scan(stays, (options ?? StayFitOptions.Default).MinimumCompletedStays, null, null);
    }

    /// <summary>
    /// Fits each of <paramref name="families"/> (default: exponential, gamma, lognormal and Weibull)
    /// to <paramref name="stays"/>, with a goodness-of-fit bootstrap as <paramref name="options"/> say.
    /// </summary>
    /// <exception cref="StayFitException">The stays cannot be fitted (<see cref="Problems"/> says why, without throwing).</exception>
    public static StayFit Of(IEnumerable<Stay> stays, IEnumerable<StayFamily>? families = null, StayFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stays);
        options ??= StayFitOptions.Default;
        Preconditions.InRange(options.MinimumCompletedStays, 2, int.MaxValue, nameof(options.MinimumCompletedStays));
        Preconditions.NonNegative(options.BootstrapReplicates, nameof(options.BootstrapReplicates));
        Preconditions.InRange(options.BootstrapSampleCap, 10, int.MaxValue, nameof(options.BootstrapSampleCap));
        Preconditions.Check(options.MaxDegreeOfParallelism is null or > 0, nameof(options.MaxDegreeOfParallelism), $"must be at least 1, but was {options.MaxDegreeOfParallelism}.");
        StayFamily[] asked = [.. (families ?? AllFamilies).Distinct()];
        Preconditions.Check(asked.Length > 0, nameof(families), "at least one family must be asked for.");
        foreach (var f in asked)
        {
            Preconditions.Check(Enum.IsDefined(f), nameof(families), $"{f} is not a family that can be fitted.");
        }

        List<double> completed = [], censored = [];
        var problems = StayScan.Scan(stays, options.MinimumCompletedStays, completed, censored);
        if (problems.Count > 0)
        {
            throw new StayFitException(problems);
        }
        var sample = StaySample.From(completed, censored);
        completed = censored = null!; // the sample holds the distinct values; let the lists go
        var km = KaplanMeier.From(sample, 0.95);

        var fits = new List<FamilyFit>();
        var notFitted = new List<StayFitProblem>();
        foreach (var family in asked)
        {
            if (Fit(FamilyModel.For(family), sample, km, options) is { } fit)
            {
                fits.Add(fit);
            }
            else
            {
                notFitted.Add(new StayFitProblem(StayFitProblemKind.DidNotConverge,
                    $"The {family.ToString().ToLowerInvariant()} likelihood could not be maximised: the family is left out of the comparison.", Family: family));
            }
        }
        if (fits.Count == 0)
        {
            throw new StayFitException(notFitted);
        }
        double best = fits.Min(f => f.Aic);
        return new StayFit
        {
            Stays = sample.Count,
            CompletedStays = sample.Events,
            StillIn = sample.Censored,
            KaplanMeier = km,
            Fits = [.. fits.Select(f => f with { DeltaAic = f.Aic - best }).OrderBy(f => f.Aic)],
            NotFitted = notFitted,
        };
    }

    private static FamilyFit? Fit(FamilyModel model, StaySample sample, KaplanMeier km, StayFitOptions options)
    {
        if (MaximumLikelihood.Maximise(model, sample, model.Start(sample)) is not { } theta
            || !theta.All(t => double.IsFinite(Math.Exp(t)) && Math.Exp(t) > 0))
        {
            return null;
        }
        double logL = model.LogLikelihood(theta, sample);
        var (_, hessian) = MaximumLikelihood.Derivatives(model, sample, theta);
        var covariance = MaximumLikelihood.Information(hessian);
        int k = model.ParameterCount;
        var parameters = new FittedParameter[k];
        for (int i = 0; i < k; i++)
        {
            parameters[i] = FittedParameter.OnLogScale(model.Names[i], theta[i], covariance?[i, i]);
        }
        var mean = FittedParameter.OnLogScale(Distributions.DistributionParameter.Mean, model.LogMean(theta), covariance is null ? null : LogMeanVariance(model, theta, covariance));
        double aic = (2 * k) - (2 * logL);
        double n = sample.Count;
        double distance = KaplanMeier.Distance(sample, t => model.Cdf(theta, t));
        return new FamilyFit(
            model.Family,
            model.ToDistribution(theta),
            parameters,
            mean,
            logL,
            k,
            aic,
            aic + (2.0 * k * (k + 1) / (n - k - 1)),
            0,
            Bootstrap.Run(model, theta, sample, distance, options),
            QuantilePoints(model, theta, km));
    }

    // Delta method: Var(g(θ̂)) ≈ ∇gᵀ Σ ∇g, g = ln mean, ∇g by central differences.
    private static double LogMeanVariance(FamilyModel model, double[] theta, double[,] covariance)
    {
        const double h = 1e-5;
        int k = theta.Length;
        var gradient = new double[k];
        for (int i = 0; i < k; i++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[i] += h;
            minus[i] -= h;
            gradient[i] = (model.LogMean(plus) - model.LogMean(minus)) / (2 * h);
        }
        double variance = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                variance += gradient[i] * covariance[i, j] * gradient[j];
            }
        }
        return variance;
    }

    private static QuantilePoint[] QuantilePoints(FamilyModel model, double[] theta, KaplanMeier km)
    {
        var points = new List<QuantilePoint>();
        for (int i = 1; i <= 19; i++)
        {
            double p = i / 20.0;
            if (km.Quantile(p) is { } observed)
            {
                points.Add(new QuantilePoint(p, observed, model.Quantile(theta, p)));
            }
        }
        return [.. points];
    }
}
