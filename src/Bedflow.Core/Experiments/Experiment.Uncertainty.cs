using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;

namespace Bedflow.Core.Experiments;

public static partial class Experiment
{
    /// <summary>
    /// Second-order Monte Carlo (docs/calibration.md, "Parameter uncertainty"): the ordinary run at
    /// the central parameters, then every variant again with replication r's parameters drawn
    /// from their uncertainty (<see cref="ParameterDraw.For"/>: keyed by (seed, r), the same θ_r
    /// for every variant, so paired differences stay paired) and its patients' draws those of the
    /// ordinary replication r. Returns the ordinary results, each with its
    /// <see cref="VariantResult.Uncertainty"/> set.
    /// </summary>
    /// <exception cref="ArgumentException">The scenario states no uncertainty (no <see cref="Scenario.Uncertainty"/> or <see cref="Scenario.WithParameters"/>).</exception>
    /// <exception cref="InvalidModelException">A variant is invalid, or a replication's drawn parameters make it so.</exception>
    public static IReadOnlyList<VariantResult> RunWithParameterUncertainty(Scenario scenario, RunOptions options, Action? replicationDone = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (scenario.Uncertainty.Count == 0 || scenario.WithParameters is not { } withParameters)
        {
            throw new ArgumentException("the scenario states no parameter uncertainty.", nameof(scenario));
        }
        var variants = scenario.AllVariants;
        var central = Run(variants, options, replicationDone);
        var perReplication = new IReadOnlyList<ExperimentVariant>[options.Replications];
        for (int r = 0; r < perReplication.Length; r++)
        {
            perReplication[r] = withParameters(ParameterDraw.For(scenario.Uncertainty, options.Seed, r));
            if (perReplication[r].Count != variants.Count || perReplication[r].Where((v, i) => v.Name != variants[i].Name).Any())
            {
                throw new InvalidOperationException($"the scenario with replication {r}'s drawn parameters does not have the same variants as the scenario itself.");
            }
        }
        var counted = options with { CountDelays = true, DailyCensus = true };
        var drawn = new List<VariantResult>();
        for (int v = 0; v < variants.Count; v++)
        {
            var networks = perReplication.Select(x => x[v].Network).ToArray();
            RunResult run;
            try
            {
                run = Simulator.Run(networks, counted, replicationDone);
            }
            catch (InvalidModelException e)
            {
                throw new InvalidModelException([.. e.Problems.Select(p => p with { Message = $"with drawn parameters, variant '{variants[v].Name}': {p.Message}" })]);
            }
            var economy = variants[v].Economy;
            var costs = economy is not null && perReplication.All(x => x[v].Economy is not null)
                ? new VariantCosts([.. run.Replications.Select((rep, r) => Costing.Of(networks[r], perReplication[r][v].Economy!, rep, options.Horizon))], economy.Prices.Year)
                : null;
            drawn.Add(new VariantResult(variants[v].Name, variants[v].Description, variants[v].Network, run, costs) { Economy = economy });
        }
        for (int v = 0; v < central.Count; v++)
        {
            central[v].Uncertainty = ParameterUncertaintyResult.Of(central[v], drawn[v], v == 0 ? null : central[0], v == 0 ? null : drawn[0], scenario.Uncertainty);
        }
        return central;
    }
}
