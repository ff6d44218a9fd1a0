using Bedflow.Core.Examples;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Bench;

/// <summary>
/// The committed standard network of the speed benchmark: the demo county (8 services, acute
/// occupancy above 90%, more than 5% of acute patients blocked) over ten reported years after a
/// two-year warm-up, one replication, episode log off; on the bare engine path (no census, no
/// delay counting) and on the user's path.
/// </summary>
internal static class StandardNetwork
{
    public static Network Network { get; } = DemoCounty.Create();

    public static RunOptions Options(double years = 10) => new()
    {
        Warmup = Days.Of(730),
        Horizon = Days.Of(YearLength.CommonDays * years),
        Replications = 1,
        Seed = 20160401,
        MaxDegreeOfParallelism = 1,
        RecordEpisodes = false,
        DailyCensus = false,
    };

    /// <summary>The user's path: what `bedflow run` asks of every replication (delays counted as the run goes, daily census on), on one thread.</summary>
    public static RunOptions UserPathOptions(double years = 10) => Options(years) with { CountDelays = true, DailyCensus = true };
}
