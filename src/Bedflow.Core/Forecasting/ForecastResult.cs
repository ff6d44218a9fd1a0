using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Forecasting;

/// <summary>
/// A forecast from a census: for the baseline and each variant, each day's figures with their
/// bands. Day index d (0-based) is the midnight that ends <see cref="FirstDay"/> + d — "day d + 1".
/// Immutable.
/// </summary>
/// <param name="AsOf">The census's moment.</param>
/// <param name="FirstDay">The date whose ending midnight is day 1 (the census's date).</param>
/// <param name="Days">Days forecast.</param>
/// <param name="Replications">Replications of each variant.</param>
/// <param name="Seed">The master seed.</param>
/// <param name="DelayedNow">Adults delayed in SitRep beds at the census's moment (the register's count, not a forecast).</param>
/// <param name="RegisterServices">The services started from the census; the others started from the scenario's <c>start:</c>.</param>
/// <param name="Variants">The baseline first, then each variant asked for.</param>
public sealed record ForecastResult(
    DateTime AsOf, DateOnly FirstDay, int Days, int Replications, ulong Seed, int DelayedNow,
    IReadOnlyList<string> RegisterServices, IReadOnlyList<VariantForecast> Variants)
{
    /// <summary>The date of day index <paramref name="day"/> (0-based): its ending midnight is the one counted.</summary>
    public DateOnly DateOf(int day) => FirstDay.AddDays(day);
}

/// <summary>One variant's forecast, day by day (index 0 = day 1). Immutable.</summary>
public sealed record VariantForecast
{
    /// <summary>"baseline" or the variant's name.</summary>
    public required string Name { get; init; }

    /// <summary>What the variant changes.</summary>
    public string Description { get; init; } = "";

    /// <summary>Adults delayed in SitRep beds at each day's ending midnight (counted as the register counts them).</summary>
    public required IReadOnlyList<ForecastBand> Delayed { get; init; }

    /// <summary>The same by SitRep reason, every reason in the SitRep's order.</summary>
    public required IReadOnlyList<ReasonForecast> ByReason { get; init; }

    /// <summary>Places held in each service with beds or places (not resources), in the scenario's order.</summary>
    public required IReadOnlyList<ServiceForecast> Occupancy { get; init; }

    /// <summary>Patients waiting for admission to an acute bed (the acute services' queues) at each day's ending midnight.</summary>
    public required IReadOnlyList<ForecastBand> AcuteQueue { get; init; }

    /// <summary>[replication][day] the patients delayed: what the bands are taken from (for scoring).</summary>
    public required IReadOnlyList<int[]> DelayedByReplication { get; init; }

    /// <summary>The paired difference (this − baseline) of <see cref="Delayed"/>, replication by replication; null for the baseline.</summary>
    public IReadOnlyList<ForecastBand>? DelayedVersusBaseline { get; init; }

    /// <summary>The paired difference (this − baseline) of <see cref="AcuteQueue"/>; null for the baseline.</summary>
    public IReadOnlyList<ForecastBand>? AcuteQueueVersusBaseline { get; init; }
}

/// <summary>Patients delayed for one reason, day by day.</summary>
/// <param name="Reason">The SitRep reason.</param>
/// <param name="Days">Each day's band.</param>
public sealed record ReasonForecast(DelayReason Reason, IReadOnlyList<ForecastBand> Days);

/// <summary>One service's places held, day by day.</summary>
/// <param name="Service">The service.</param>
/// <param name="Days">Each day's band.</param>
public sealed record ServiceForecast(string Service, IReadOnlyList<ForecastBand> Days);
