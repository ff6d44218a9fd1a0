using Bedflow.Core.Experiments;
using BenchmarkDotNet.Attributes;
using Bedflow.Core.Distributions;
using Bedflow.Core.Randomness;

namespace Bedflow.Bench;

/// <summary>BenchmarkDotNet micro-benchmarks: `dotnet run -c Release --project bench/Bedflow.Bench -- --filter '*'`.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private readonly Distribution _lognormal = Distribution.LogNormal(5, 4);
    private Xoshiro256StarStar _rng = new(1);

    [Benchmark(Description = "Standard network, 1 year, 1 replication")]
    public long StandardNetworkOneYear() => Simulator.RunOne(StandardNetwork.Network, StandardNetwork.Options(years: 1)).Counts.Events;

    [Benchmark(Description = "xoshiro256** NextDouble")]
    public double NextDouble() => _rng.NextDouble();

    [Benchmark(Description = "Lognormal sample")]
    public double LogNormalSample() => _lognormal.Sample(ref _rng);

    [Benchmark(Description = "Patient visit stream")]
    public ulong PatientStream() => RandomStreams.ForPatientVisit(1UL, 2, 3, 4, 5).NextUInt64();
}
