namespace Bedflow.Data.Results;

/// <summary>
/// What run-info.json records about a run: everything that is not a result (docs/results.md).
/// The timings and the machine differ run to run, so they stay out of results.json.
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="File">The scenario file's full path.</param>
/// <param name="Replications">Replications of each variant.</param>
/// <param name="Seed">The master random seed.</param>
/// <param name="Elapsed">The wall-clock time of the run (written in seconds, to the millisecond).</param>
/// <param name="FinishedUtc">When the run finished, in UTC (written round-trip, "O").</param>
/// <param name="Host">The machine's name.</param>
/// <param name="Processors">The machine's logical processors.</param>
/// <param name="Threads">The threads the run could use.</param>
/// <param name="BedflowVersion">Bedflow's informational version.</param>
/// <param name="DotNet">The .NET runtime's version.</param>
/// <param name="Os">The operating system's description.</param>
public sealed record RunInfo(string Scenario, string File, int Replications, ulong Seed, TimeSpan Elapsed, DateTime FinishedUtc,
    string Host, int Processors, int Threads, string BedflowVersion, string DotNet, string Os);
