using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Delays;

/// <summary>
/// Delay figures over replications: each a mean with its 95% confidence interval (replications
/// are independent, so each replication's figure is one observation). Immutable.
/// </summary>
public sealed class DelaySummary
{
    private DelaySummary(IReadOnlyList<DelayFigures> replications)
    {
        Replications = replications;
        DaysPerYear = Of(f => f.DaysPerYear);
        MeanDelayed = Of(f => f.MeanDelayed);
        MeanSnapshot = Of(f => f.MeanSnapshot);
        DaysPer1000AdultsPerYear = Of(f => f.DaysPer1000AdultsPerYear);
        DelayedPer100kAdults = Of(f => f.DelayedPer100kAdults);
        ShareDischargedOnReadyDate = Of(f => f.ShareDischargedOnReadyDate).Share();
        MeanDelayPerDischarge = Of(f => f.MeanDelayPerDischarge);
        ByReason = SitRep.Reasons.ToDictionary(r => r, r => Of(f => Units.YearLength.PerYear(f.Days(r), f.DayCount)));
        ByResponsibility = SitRep.Responsibilities.ToDictionary(o => o, o => Of(f => Units.YearLength.PerYear(f.Days(o), f.DayCount)));
        ByBeds = new[] { SitRepBeds.Acute, SitRepBeds.NonAcute }.ToDictionary(b => b, b => Of(f => Units.YearLength.PerYear(f.Days(b), f.DayCount)));
        ByBand = Enum.GetValues<DelayBand>().ToDictionary(b => b, b => Of(f => f.Discharges == 0 ? double.NaN : (double)f.DischargesIn(b) / f.Discharges).Share());
        ByPathway = Enum.GetValues<DischargePathway>().ToDictionary(p => p, p => Of(f => Units.YearLength.PerYear(f.DischargesOn(p), f.DayCount)));
        var first = replications[0];
        Months = [.. first.Months.Select((m, i) => new MonthSummary(m.Year, m.Month, m.SnapshotDate,
            Of(f => f.Months[i].DelayedDays()), Of(f => f.Months[i].DtocBeds()),
            m.SnapshotDate is null ? null : Of(f => f.Months[i].SnapshotPatients())))];
    }

    /// <summary>Each replication's figures, in replication order.</summary>
    public IReadOnlyList<DelayFigures> Replications { get; }

    /// <summary>Delayed days per year.</summary>
    public Estimate DaysPerYear { get; }

    /// <summary>Patients delayed on an average day ("DTOC beds" over the period).</summary>
    public Estimate MeanDelayed { get; }

    /// <summary>Mean of the monthly last-Thursday snapshots.</summary>
    public Estimate MeanSnapshot { get; }

    /// <summary>Delayed days per 1,000 adults per year (NaN mean without a population).</summary>
    public Estimate DaysPer1000AdultsPerYear { get; }

    /// <summary>Average delayed patients per 100,000 adults.</summary>
    public Estimate DelayedPer100kAdults { get; }

    /// <summary>Share of discharges made on the discharge-ready date.</summary>
    public Estimate ShareDischargedOnReadyDate { get; }

    /// <summary>Mean days from discharge-ready date to discharge.</summary>
    public Estimate MeanDelayPerDischarge { get; }

    /// <summary>Delayed days per year by reason.</summary>
    public IReadOnlyDictionary<DelayReason, Estimate> ByReason { get; }

    /// <summary>Delayed days per year by responsible organisation.</summary>
    public IReadOnlyDictionary<Responsibility, Estimate> ByResponsibility { get; }

    /// <summary>Delayed days per year in acute and in non-acute beds.</summary>
    public IReadOnlyDictionary<SitRepBeds, Estimate> ByBeds { get; }

    /// <summary>Share of discharges in each delay band.</summary>
    public IReadOnlyDictionary<DelayBand, Estimate> ByBand { get; }

    /// <summary>Discharges per year on each pathway.</summary>
    public IReadOnlyDictionary<DischargePathway, Estimate> ByPathway { get; }

    /// <summary>Month by month.</summary>
    public IReadOnlyList<MonthSummary> Months { get; }

    /// <summary>Summarises figures computed over the same period, one per replication.</summary>
    public static DelaySummary Of(IReadOnlyList<DelayFigures> replications)
    {
        ArgumentNullException.ThrowIfNull(replications);
        Preconditions.Check(replications.Count > 0, nameof(replications), "at least one replication's figures are needed.");
        Preconditions.Check(replications.All(f => f.First == replications[0].First && f.Last == replications[0].Last), nameof(replications),
            "every replication's figures must cover the same period.");
        return new DelaySummary(replications);
    }

    /// <summary>The delay figures of replications run with <paramref name="options"/>, counted from their episode logs (which they must have recorded).</summary>
    public static DelaySummary Of(Network network, IReadOnlyList<ReplicationResult> replications, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(replications);
        return Of([.. replications.Select(r => SimulatedDelays.Figures(network, r, options))]);
    }

    // Every figure here is a count, a rate of counts or a share: none can be negative (shares are also cut at 1 where made).
    private Estimate Of(Func<DelayFigures, double> measure) => Estimate.Of(Replications.Select(measure)).NonNegative();
}

/// <summary>One calendar month over replications.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Month">Calendar month, 1–12.</param>
/// <param name="SnapshotDate">The last Thursday, when in the period.</param>
/// <param name="DelayedDays">Delayed days in the month.</param>
/// <param name="DtocBeds">Delayed days ÷ days covered.</param>
/// <param name="Snapshot">Patients delayed at 24:00 on the last Thursday; null when it is outside the period.</param>
public sealed record MonthSummary(int Year, int Month, DateOnly? SnapshotDate, Estimate DelayedDays, Estimate DtocBeds, Estimate? Snapshot);
