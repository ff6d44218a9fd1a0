using Bedflow.Core.Calibration;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Units;

namespace Bedflow.Core.Forecasting;

/// <summary>
/// A forecast from a register, as `bedflow forecast` and the web app's Options page both make it:
/// the moment checked against the register's data (<see cref="RegisterSpan"/>), the census of the
/// beds then (<see cref="RegisterSnapshot"/>), the services the register does not hold started as
/// full as the model has them on that date (<see cref="ModelState"/>), then <see cref="Forecast.Run"/>.
/// What stops it comes back as data (<see cref="RegisterForecastOutcome"/>) for the faces to word.
/// </summary>
public static class RegisterForecast
{
    /// <summary>
    /// Whether a forecast of <paramref name="baseline"/> can start from <paramref name="stays"/> at
    /// <paramref name="asOf"/>: the register has stays, the moment is inside its data, and its census
    /// fits the scenario. The outcome has no result; <see cref="RegisterForecastOutcome.CanRun"/> says.
    /// </summary>
    public static RegisterForecastOutcome Check(Network baseline, IReadOnlyList<ObservedStay> stays, DateTime asOf) => Census(baseline, stays, asOf).Outcome;

    /// <summary>
    /// Runs <paramref name="variants"/> (the baseline first) from the census of <paramref name="stays"/>
    /// at <paramref name="asOf"/>, the model's own state warmed up for <paramref name="warmup"/> (the
    /// scenario's). <paramref name="progress"/> is told (from any thread) the fraction done, 0 to 1,
    /// by simulated days; it never changes the numbers (and may throw to stop the run).
    /// </summary>
    /// <exception cref="ArgumentException">The settings are out of range.</exception>
    public static RegisterForecastOutcome Run(IReadOnlyList<ExperimentVariant> variants, IReadOnlyList<ObservedStay> stays, DateTime asOf,
        ForecastSettings settings, Days warmup, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(settings);
        Preconditions.Check(variants.Count > 0, nameof(variants), "a forecast needs the baseline.");
        var (outcome, census) = Census(variants[0].Network, stays, asOf);
        if (census is null)
        {
            return outcome;
        }
        int lastDay = (int)Math.Floor(census.Snapshot.Day);
        // Progress by simulated days: the model's own runs (warm-up and up to the census's date), then each variant's replications.
        long stateUnit = (long)Math.Ceiling(warmup.TotalDays) + Math.Max(lastDay, 1), forecastUnit = settings.Days;
        double total = ModelState.DefaultReplications * (double)stateUnit + variants.Count * (double)settings.Replications * forecastUnit;
        long done = 0;
        Action? Step(long unit) => progress is null ? null : () => progress(Interlocked.Add(ref done, unit) / total);
        try
        {
            var state = ModelState.Of(variants[0].Network, warmup, lastDay, seed: settings.Seed, threads: settings.Threads, replicationDone: Step(stateUnit));
            return outcome with { Result = Forecast.Run(variants, census, settings, state, Step(forecastUnit)) };
        }
        catch (InvalidModelException e)
        {
            return outcome with { ModelProblems = e.Problems };
        }
    }

    private static (RegisterForecastOutcome Outcome, RegisterSnapshot? Census) Census(Network baseline, IReadOnlyList<ObservedStay> stays, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(stays);
        var outcome = new RegisterForecastOutcome { AsOf = asOf, Span = RegisterSpan.Of(stays) };
        if (outcome.Span is not { } span || !span.Holds(asOf))
        {
            return (outcome, null);
        }
        var census = RegisterSnapshot.Of(baseline, stays, asOf);
        return census.Problems.Count > 0 ? (outcome with { CensusProblems = census.Problems }, null) : (outcome, census);
    }
}
