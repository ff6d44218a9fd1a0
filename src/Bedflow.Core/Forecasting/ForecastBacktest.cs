using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Forecasting;

/// <summary>
/// A forecast from one moment of a register's history, beside what the register shows happened
/// next: each day's patients delayed (counted as the register counts them,
/// <see cref="DelayCounter"/>) and the persistence forecast (the patients delayed at the moment,
/// for every day ahead). Immutable.
/// </summary>
/// <param name="AsOf">The moment forecast from.</param>
/// <param name="Persistence">Patients delayed at the moment: the persistence forecast for every day.</param>
/// <param name="Forecast">The forecast of each day (index 0 = day 1).</param>
/// <param name="Actual">What the register shows for each day.</param>
public sealed record ForecastOrigin(DateTime AsOf, int Persistence, IReadOnlyList<ForecastBand> Forecast, IReadOnlyList<int> Actual);

/// <summary>How the forecasts did at one lead (day ahead), over the origins. Immutable.</summary>
/// <param name="Day">Days ahead (1 = the midnight ending the moment's date).</param>
/// <param name="Mae">Mean absolute error of the forecast's mean.</param>
/// <param name="PersistenceMae">Mean absolute error of the persistence forecast.</param>
/// <param name="Coverage80">Share of the origins whose actual lay in the 80% band.</param>
/// <param name="Coverage95">Share in the 95% band.</param>
public sealed record LeadScore(int Day, double Mae, double PersistenceMae, double Coverage80, double Coverage95);

/// <summary>
/// The back-test of forecasts from a register's own history (docs/forecast.md): errors of the
/// forecast's mean over every origin and day ahead, the coverage of its 80% and 95% prediction
/// bands (nominally 0.8 and 0.95), the same errors for the persistence forecast (tomorrow = today)
/// and the skill 1 − MAE ÷ persistence MAE, with a 95% interval by resampling whole origins (the
/// days ahead of one origin are not independent). Immutable.
/// </summary>
public sealed record ForecastScore
{
    /// <summary>Resamples of the origins for the skill's interval.</summary>
    public const int Resamples = 2000;

    /// <summary>The origins scored, in order.</summary>
    public required IReadOnlyList<ForecastOrigin> Origins { get; init; }

    /// <summary>Mean absolute error of the forecast's mean, patients, over every origin and day.</summary>
    public double Mae { get; init; }

    /// <summary>Root mean squared error of the forecast's mean.</summary>
    public double Rmse { get; init; }

    /// <summary>Share of the (origin, day) pairs whose actual lay in the 80% band (ends included).</summary>
    public double Coverage80 { get; init; }

    /// <summary>Share in the 95% band.</summary>
    public double Coverage95 { get; init; }

    /// <summary>Mean absolute error of the persistence forecast over the same pairs.</summary>
    public double PersistenceMae { get; init; }

    /// <summary>Root mean squared error of the persistence forecast.</summary>
    public double PersistenceRmse { get; init; }

    /// <summary>1 − <see cref="Mae"/> ÷ <see cref="PersistenceMae"/>: 1 perfect, 0 no better than persistence, below 0 worse; null when persistence was exact.</summary>
    public double? Skill { get; init; }

    /// <summary>The 95% percentile-bootstrap interval of <see cref="Skill"/> over whole origins; null with fewer than two origins or no skill.</summary>
    public (double Lower, double Upper)? SkillInterval { get; init; }

    /// <summary>The same figures by day ahead.</summary>
    public required IReadOnlyList<LeadScore> Leads { get; init; }
}

/// <summary>Back-tests forecasts on a register's own history: forecasts from each origin, what happened, and the score.</summary>
public static class ForecastBacktest
{
    /// <summary>
    /// Forecasts from each of <paramref name="origins"/> with <paramref name="baseline"/> and the
    /// stays known then, and reads what the register shows happened next. Each origin's forecast
    /// sees only what the register knew at that moment (<see cref="RegisterSnapshot"/>).
    /// </summary>
    /// <remarks>With <paramref name="state"/>, the services the register does not hold start from the model's own occupancy at each origin (<see cref="Forecast.Run"/>).</remarks>
    /// <exception cref="ArgumentException">An origin's census has problems, or its days run past <paramref name="dataEnd"/>.</exception>
    public static IReadOnlyList<ForecastOrigin> Run(Network baseline, IReadOnlyList<ObservedStay> stays, IReadOnlyList<DateTime> origins, DateTime dataEnd, ForecastSettings settings, ModelState? state = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(stays);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(settings);
        var result = new List<ForecastOrigin>();
        foreach (var asOf in origins)
        {
            var first = DateOnly.FromDateTime(asOf);
            var last = first.AddDays(settings.Days - 1);
            Preconditions.Check(last.AddDays(1).ToDateTime(TimeOnly.MinValue) <= dataEnd, nameof(origins),
                $"a forecast from {asOf:yyyy-MM-dd HH:mm} runs to {last:yyyy-MM-dd}, after the register's data end ({dataEnd:yyyy-MM-dd HH:mm}).");
            var census = RegisterSnapshot.Of(baseline, stays, asOf);
            var forecast = Forecast.Run([new ExperimentVariant("baseline", "", baseline)], census, settings, state);
            result.Add(new ForecastOrigin(asOf, census.DelayedNow, forecast.Variants[0].Delayed, Actual(stays, first, settings.Days)));
        }
        return result;
    }

    /// <summary>What the register shows: patients delayed at the midnight ending each of <paramref name="days"/> days from <paramref name="first"/>.</summary>
    public static IReadOnlyList<int> Actual(IEnumerable<ObservedStay> stays, DateOnly first, int days)
    {
        ArgumentNullException.ThrowIfNull(stays);
        var counter = new DelayCounter(first, first.AddDays(days - 1));
        counter.AddRange(stays.Select(s => s.Stay));
        var figures = counter.Figures();
        return [.. Enumerable.Range(0, days).Select(d => figures.DelayedOn(first.AddDays(d)))];
    }

    /// <summary>Scores <paramref name="origins"/> (at least one, all with the same days ahead); <paramref name="seed"/> keys the skill's resampling.</summary>
    public static ForecastScore Score(IReadOnlyList<ForecastOrigin> origins, ulong seed = 20160401)
    {
        ArgumentNullException.ThrowIfNull(origins);
        Preconditions.Check(origins.Count > 0, nameof(origins), "a back-test needs at least one origin.");
        int days = origins[0].Actual.Count;
        Preconditions.Check(origins.All(o => o.Actual.Count == days && o.Forecast.Count == days), nameof(origins), "every origin must forecast the same days.");
        var pairs = origins.SelectMany(o => o.Forecast.Select((f, d) => (Band: f, Actual: (double)o.Actual[d], Persistence: (double)o.Persistence))).ToList();
        double mae = pairs.Average(p => Math.Abs(p.Band.Mean.Mean - p.Actual));
        double naive = pairs.Average(p => Math.Abs(p.Persistence - p.Actual));
        return new ForecastScore
        {
            Origins = origins,
            Mae = mae,
            Rmse = Math.Sqrt(pairs.Average(p => Math.Pow(p.Band.Mean.Mean - p.Actual, 2))),
            Coverage80 = pairs.Average(p => p.Band.Inside80(p.Actual) ? 1.0 : 0),
            Coverage95 = pairs.Average(p => p.Band.Inside95(p.Actual) ? 1.0 : 0),
            PersistenceMae = naive,
            PersistenceRmse = Math.Sqrt(pairs.Average(p => Math.Pow(p.Persistence - p.Actual, 2))),
            Skill = naive > 0 ? 1 - (mae / naive) : null,
            SkillInterval = naive > 0 && origins.Count > 1 ? SkillInterval(origins, seed) : null,
            Leads = [.. Enumerable.Range(0, days).Select(d => new LeadScore(
                d + 1,
                origins.Average(o => Math.Abs(o.Forecast[d].Mean.Mean - o.Actual[d])),
                origins.Average(o => (double)Math.Abs(o.Persistence - o.Actual[d])),
                origins.Average(o => o.Forecast[d].Inside80(o.Actual[d]) ? 1.0 : 0),
                origins.Average(o => o.Forecast[d].Inside95(o.Actual[d]) ? 1.0 : 0)))],
        };
    }

    // Percentile bootstrap over whole origins (each origin's absolute errors summed over its days).
    private static (double, double)? SkillInterval(IReadOnlyList<ForecastOrigin> origins, ulong seed)
    {
        var model = origins.Select(o => o.Forecast.Select((f, d) => Math.Abs(f.Mean.Mean - o.Actual[d])).Sum()).ToArray();
        var naive = origins.Select(o => o.Actual.Sum(a => (double)Math.Abs(o.Persistence - a))).ToArray();
        var skills = new List<double>(ForecastScore.Resamples);
        for (int b = 0; b < ForecastScore.Resamples; b++)
        {
            var rng = RandomStreams.ForResampling(seed, b, purpose: 71);
            double m = 0, n = 0;
            for (int k = 0; k < origins.Count; k++)
            {
                int i = rng.NextInt(origins.Count);
                m += model[i];
                n += naive[i];
            }
            if (n > 0)
            {
                skills.Add(1 - (m / n));
            }
        }
        if (skills.Count == 0)
        {
            return null;
        }
        var sorted = skills.ToArray();
        Array.Sort(sorted);
        return (MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, 0.025, MathNet.Numerics.Statistics.QuantileDefinition.R7),
                MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, 0.975, MathNet.Numerics.Statistics.QuantileDefinition.R7));
    }
}
