using Bedflow.Core.Model;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Simulation;

/// <summary>
/// Demand the network did not meet, counted one way for everyone who counts it: the harms
/// (a year) and the costing of unmet demand (over the reported period). "Acute" is every service
/// of kind acute that patients take a place in.
/// </summary>
internal static class FrontDoor
{
    /// <summary>Indices of the acute services patients take a place in.</summary>
    internal static int[] AcuteServices(Network network) =>
        [.. network.Services.Select((s, i) => (s, i)).Where(x => x.s.Kind == ServiceKind.Acute && x.s.Role == ServiceRole.Place).Select(x => x.i)];

    /// <summary>Whether each arrival stream, in stream order, is an emergency one (never turned away).</summary>
    internal static bool[] EmergencyStreams(Network network) => [.. network.Arrivals.Select(a => a.Kind == ArrivalKind.Emergency)];

    /// <summary>Planned patients cancelled or turned away in the reporting window (every stream that is not an emergency one).</summary>
    internal static double PlannedTurnedAway(ReplicationResult replication, bool[] emergency)
    {
        double sum = 0;
        for (int k = 0; k < emergency.Length; k++)
        {
            sum += emergency[k] ? 0 : replication.Streams[k].TurnedAway;
        }
        return sum;
    }

    /// <summary>Patient-hours waited for an acute bed per day of the reporting window: the time-average acute queue × 24.</summary>
    internal static double HoursWaitedForAcuteBedPerDay(ReplicationResult replication, int[] acute) =>
        acute.Sum(j => replication.Get(j, ServiceMetric.MeanQueue)) * 24;
}
