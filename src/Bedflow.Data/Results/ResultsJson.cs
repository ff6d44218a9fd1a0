using System.Text.Json;
using Bedflow.Core.Delays;
using Bedflow.Core.Experiments;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;

namespace Bedflow.Data.Results;

/// <summary>
/// The results JSON (docs/results.md): deterministic — the same scenario, seed and replications
/// give the same bytes — so it holds no timings or host details (those go to run-info.json).
/// Every statistic is <c>{"mean": x, "ci95": [lo, hi]}</c>; an undefined mean is null, and the
/// interval is null with one replication.
/// </summary>
public static partial class ResultsJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, NewLine = "\n" };

    /// <summary>Writes the results of a scenario's variants.</summary>
    public static void Write(Stream stream, string scenario, RunOptions options, IReadOnlyList<VariantResult> variants)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(variants);
        using var w = new Utf8JsonWriter(stream, Indented);
        w.WriteStartObject();
        w.WriteString("scenario", scenario);
        w.WriteNumber("replications", options.Replications);
        w.WriteNumber("seed", options.Seed);
        w.WriteString("start", variants.Count > 0 ? variants[0].Network.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
        w.WriteNumber("warmup_days", options.WarmupDays);
        w.WriteNumber("horizon_days", options.HorizonDays);
        w.WriteNumber("events", variants.Sum(v => v.Run.Replications.Sum(r => r.Counts.Events)));
        // Timings vary run to run: they are in run-info.json, so this file stays byte-identical.
        w.WriteNull("elapsed_seconds");
        w.WriteStartArray("variants");
        foreach (var v in variants)
        {
            WriteVariant(w, v);
        }
        w.WriteEndArray();
        WriteEconomics(w, options, variants);
        w.WriteEndObject();
    }

    private static void WriteVariant(Utf8JsonWriter w, VariantResult v)
    {
        w.WriteStartObject();
        w.WriteString("name", v.Name);
        w.WriteString("description", v.Description);
        Stat(w, "delayed_patients", v.DelayedPatients);
        Stat(w, "delayed_days_per_year", v.DelayedDaysPerYear);
        Stat(w, "acute_occupancy", v.AcuteOccupancy);
        Stat(w, "admissions_waiting", v.AdmissionsWaiting);
        w.WriteNumber("deadlocked_replications", v.Run.DeadlockedReplications);
        w.WriteStartArray("services");
        foreach (var s in v.Run.Services)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            Stat(w, "capacity", s[ServiceMetric.MeanCapacity]);
            Stat(w, "occupancy", s[ServiceMetric.MeanOccupancy]);
            Stat(w, "utilisation", s[ServiceMetric.Utilisation]);
            Stat(w, "blocked_beds", s[ServiceMetric.MeanBlocked]);
            Stat(w, "queue", s[ServiceMetric.MeanQueue]);
            Stat(w, "queue_wait_days", s[ServiceMetric.MeanWaitInQueue]);
            Stat(w, "blocked_days", s[ServiceMetric.MeanBlockedTimePerDeparture]);
            Stat(w, "throughput_per_day", s[ServiceMetric.Throughput]);
            Stat(w, "loss_probability", s[ServiceMetric.ProbabilityTurnedAway]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteDelays(w, v.Run.Delays!);
        if (v.Costs is { } costs)
        {
            WriteCosts(w, costs);
        }
        if (v.VersusBaseline is { } c)
        {
            WriteComparison(w, c);
        }
        w.WriteEndObject();
    }

    private static void WriteDelays(Utf8JsonWriter w, DelaySummary d)
    {
        w.WriteStartObject("delays");
        Stat(w, "delayed_days_per_year", d.DaysPerYear);
        Stat(w, "delayed_patients", d.MeanDelayed);
        Stat(w, "snapshot_mean", d.MeanSnapshot);
        Stat(w, "per_1000_adults_per_year", d.DaysPer1000AdultsPerYear);
        Stat(w, "per_100k_adults", d.DelayedPer100kAdults);
        Stat(w, "share_discharged_on_ready_date", d.ShareDischargedOnReadyDate);
        Stat(w, "mean_delay_per_discharge_days", d.MeanDelayPerDischarge);
        Group(w, "by_reason", d.ByReason.Select(kv => (kv.Key.ToString(), kv.Value)));
        Group(w, "by_responsible", d.ByResponsibility.Select(kv => (Snake(kv.Key), kv.Value)));
        Group(w, "by_bed_type", d.ByBeds.Select(kv => (kv.Key == SitRepBeds.Acute ? "acute" : "non_acute", kv.Value)));
        Group(w, "by_band", d.ByBand.Select(kv => (Band(kv.Key), kv.Value)));
        Group(w, "discharges_per_year_by_pathway", d.ByPathway.Select(kv => (kv.Key.ToString(), kv.Value)));
        w.WriteStartArray("months");
        foreach (var m in d.Months)
        {
            w.WriteStartObject();
            w.WriteString("month", $"{m.Year:0000}-{m.Month:00}");
            Stat(w, "delayed_days", m.DelayedDays);
            Stat(w, "dtoc_beds", m.DtocBeds);
            if (m.Snapshot is { } snap)
            {
                w.WriteString("snapshot_date", m.SnapshotDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                Stat(w, "snapshot", snap);
            }
            else
            {
                w.WriteNull("snapshot_date");
                w.WriteNull("snapshot");
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Group(Utf8JsonWriter w, string name, IEnumerable<(string Key, Estimate Value)> items)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in items)
        {
            Stat(w, key, value);
        }
        w.WriteEndObject();
    }

    /// <summary>Writes <c>"name": {"mean": x, "ci95": [lo, hi]}</c>.</summary>
    private static void Stat(Utf8JsonWriter w, string name, Estimate e)
    {
        w.WriteStartObject(name);
        Number(w, "mean", e.Mean);
        if (e.Lower is { } lo && e.Upper is { } hi && double.IsFinite(lo) && double.IsFinite(hi))
        {
            w.WriteStartArray("ci95");
            w.WriteNumberValue(lo);
            w.WriteNumberValue(hi);
            w.WriteEndArray();
        }
        else
        {
            w.WriteNull("ci95");
        }
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Snake(Responsibility r) => r switch
    {
        Responsibility.Nhs => "nhs",
        Responsibility.SocialCare => "social_care",
        _ => "both",
    };

    /// <summary>The band's label: "0", "1", "2-3", "4-6", "7-13", "14-20", "21+".</summary>
    public static string Band(DelayBand band) => band switch
    {
        DelayBand.Zero => "0",
        DelayBand.One => "1",
        DelayBand.TwoToThree => "2-3",
        DelayBand.FourToSix => "4-6",
        DelayBand.SevenToThirteen => "7-13",
        DelayBand.FourteenToTwenty => "14-20",
        _ => "21+",
    };
}
