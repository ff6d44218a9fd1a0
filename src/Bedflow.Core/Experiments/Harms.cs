using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Experiments;

/// <summary>
/// A variant's activity and harms (<see cref="HarmMeasure"/>): each replication's value, and the
/// mean over replications with its 95% interval, cut at the measure's physical limits (a count is
/// never below 0, a share never above 1). "Acute" means every service of kind acute that patients
/// take a place in. Immutable.
/// </summary>
public sealed class Harms
{
    private readonly double[][] _values; // [measure][replication]
    private readonly Estimate[] _estimates;

    internal Harms(Network network, RunResult run)
    {
        int measures = Enum.GetValues<HarmMeasure>().Length;
        int n = run.Replications.Count;
        _values = new double[measures][];
        _estimates = new Estimate[measures];
        int[] acute = FrontDoor.AcuteServices(network);
        int[] uncounted = [.. Indices(network, s => s.Role == ServiceRole.Place && (s.SitRep ?? SitRep.BedsFor(s.Kind)) == SitRepBeds.None)];
        bool[] emergency = FrontDoor.EmergencyStreams(network);
        double years = YearLength.Years(run.Options.HorizonDays);
        for (int m = 0; m < measures; m++)
        {
            var values = new double[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = Value((HarmMeasure)m, run.Replications[i], acute, uncounted, emergency, years);
            }
            _values[m] = values;
            _estimates[m] = Estimate.Of(values.AsSpan()).Within(0, (HarmMeasure)m == HarmMeasure.AcuteOccupancy ? 1 : null);
        }
    }

    /// <summary>The measure's mean over replications with its 95% interval (within its limits).</summary>
    public Estimate this[HarmMeasure measure] => _estimates[(int)measure];

    /// <summary>The measure in replication <paramref name="replication"/> (NaN when it has no meaning there, e.g. no acute service).</summary>
    public double In(HarmMeasure measure, int replication) => _values[(int)measure][replication];

    /// <summary>Which way <paramref name="measure"/> gets worse.</summary>
    public static Worse WorseWhen(HarmMeasure measure) =>
        measure is HarmMeasure.EmergencyAdmissions or HarmMeasure.ElectiveAdmissions ? Worse.Lower : Worse.Higher;

    private static IEnumerable<int> Indices(Network network, Func<ServiceDefinition, bool> which) =>
        network.Services.Select((s, i) => (s, i)).Where(x => which(x.s)).Select(x => x.i);

    private static double Value(HarmMeasure measure, ReplicationResult r, int[] acute, int[] uncounted, bool[] emergency, double years)
    {
        switch (measure)
        {
            case HarmMeasure.ElectivesTurnedAway:
                // The same count the costing prices as unmet demand (FrontDoor).
                return FrontDoor.PlannedTurnedAway(r, emergency) / years;
            case HarmMeasure.EmergencyAdmissions:
            case HarmMeasure.ElectiveAdmissions:
                double sum = 0;
                for (int k = 0; k < emergency.Length; k++)
                {
                    bool counted = emergency[k] == (measure == HarmMeasure.EmergencyAdmissions);
                    sum += counted ? r.Streams[k].Admitted : 0;
                }
                return sum / years;
            case HarmMeasure.WaitingUncounted:
                return uncounted.Sum(j => r.Get(j, ServiceMetric.MeanBlocked));
        }
        if (acute.Length == 0)
        {
            return double.NaN;
        }
        switch (measure)
        {
            case HarmMeasure.HoursWaitedForAcuteBed:
                return FrontDoor.HoursWaitedForAcuteBedPerDay(r, acute) * YearLength.MeanDays;
            case HarmMeasure.WaitsOver4Hours:
                return acute.Sum(j => r.Get(j, ServiceMetric.QueueWaitsOver4Hours)) / years;
            case HarmMeasure.WaitsOver12Hours:
                return acute.Sum(j => r.Get(j, ServiceMetric.QueueWaitsOver12Hours)) / years;
            case HarmMeasure.AcuteOccupancy:
                return acute.Sum(j => r.Get(j, ServiceMetric.MeanOccupancy)) / acute.Sum(j => r.Get(j, ServiceMetric.MeanCapacity));
        }
        if (r.Census is not { Days: > 0 } census)
        {
            return double.NaN;
        }
        int days = census.Days;
        switch (measure)
        {
            case HarmMeasure.WaitingForAcuteBed:
                return Enumerable.Range(0, days).Average(d => acute.Sum(j => census.Queued[j][d]));
            case HarmMeasure.WaitingForAcuteBedPeak:
                // Nearest-rank 95th percentile of the daily maxima (summed over acute services).
                var peaks = Enumerable.Range(0, days).Select(d => (double)acute.Sum(j => census.MaxQueued[j][d])).Order().ToArray();
                return peaks[Math.Max(0, (int)Math.Ceiling(0.95 * days) - 1)];
            default:
                double above = measure == HarmMeasure.DaysAbove92Percent ? 0.92 : 0.95;
                int count = 0;
                for (int d = 0; d < days; d++)
                {
                    double capacity = acute.Sum(j => census.CapacityOn(j, d).TryGetPlaces(out int places) ? places : 0.0);
                    if (capacity > 0 && acute.Sum(j => census.Occupied[j][d]) > above * capacity)
                    {
                        count++;
                    }
                }
                return count / years;
        }
    }
}
