using System.Diagnostics;
using System.Globalization;
using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Data.Scenarios;

namespace Bedflow.Bench;

/// <summary>
/// The optimiser on the path users run (<c>bedflow optimise</c>: <see cref="Optimiser.Run(Scenario, int?, Action{OptimiseProgress}?, IEnumerable{CandidateRecord}?, Action{CandidateRecord}?)"/>
/// on the Oxfordshire example's own <c>optimise:</c> section), with its five capacity levers (the
/// pilot's switch left out) and three budget levels, £1m, £2m and £4m a year: wall time,
/// allocations and replications simulated, and simulated patient-years a second (replications ×
/// the years each simulates, warm-up included, × the patients in the network on an average day of
/// the starting allocation). The target is the frontier in under 10 minutes on two cores. Beside
/// it, in the same process, a bare loop on .NET's PriorityQueue at the standard network's heap
/// size, so a slower machine shows as a slower loop too.
/// </summary>
internal static class OptimiseBenchmark
{
    public static int Run(string[] args)
    {
        string path = args.Length > 0 ? args[0] : Path.Combine(RepoRoot(), "examples", "oxfordshire", "scenario.yaml");
        var load = ScenarioFile.Load(path);
        if (!load.IsValid || load.Scenario!.Optimise is null)
        {
            Console.Error.WriteLine($"{path}: not a valid scenario with an optimise: section");
            return 2;
        }
        var scenario = load.Scenario;
        var spec = scenario.Optimise with
        {
            Levers = [.. scenario.Optimise.Levers.Where(l => !l.IsSwitch)],
            Budgets = [Money.FromPounds(1_000_000), Money.FromPounds(2_000_000), Money.FromPounds(4_000_000)],
        };
        scenario = scenario with { Optimise = spec };
        int threads = Environment.ProcessorCount;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"optimise: {path}; {spec.Levers.Count} levers ({string.Join(", ", spec.Levers.Select(l => l.Name))}); budgets £1m, £2m, £4m; first stage {spec.Replications ?? scenario.Options.Replications}, at most {spec.MaxReplications}; {threads} threads"));

        double bare = BareHeapLoop.OpsPerSecond(2_000, 20_000_000, seed: 1);
        var sw = Stopwatch.StartNew();
        var result = Optimiser.Run(scenario, threads);
        sw.Stop();

        // Patients in the network on an average day of the start, from one replication of it.
        var start = Simulator.RunOne(scenario.Baseline, scenario.Options with { Replications = 1, CountDelays = false });
        double patients = Enumerable.Range(0, scenario.Baseline.Services.Count).Sum(s => start.Get(s, ServiceMetric.MeanOccupancy) is var o && double.IsFinite(o) ? o : 0);
        double years = (scenario.Options.WarmupDays + scenario.Options.HorizonDays) / YearLength.CommonDays;
        double patientYears = result.ReplicationsSimulated * years * patients;
        foreach (var p in result.Frontier)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  £{p.Budget.Pounds:N0}: {p.Allocation} — spend £{p.Spend.Pounds:N0}, avoids {p.DelayedDaysAvoided.Mean:N0} delayed days a year ({p.DelayedDaysAvoided.Lower:N0} to {p.DelayedDaysAvoided.Upper:N0}), {p.Replications} replications, {p.IndistinguishableFrom.Count} not told apart"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bare PriorityQueue {bare / 1e6:F2} M ops/s in the same process"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"optimise_seconds={sw.Elapsed.TotalSeconds:F1} candidates={result.Candidates} replications={result.ReplicationsSimulated} "
            + $"simulated_years_per_second={result.ReplicationsSimulated * years / sw.Elapsed.TotalSeconds:F1} patient_years_per_second={patientYears / sw.Elapsed.TotalSeconds:F0} "
            + $"target_met={(sw.Elapsed.TotalMinutes < 10 ? "yes" : "no")}"));
        return 0;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bedflow.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
