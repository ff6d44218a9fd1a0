using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Experiments;

/// <summary>One variant to run: its network and, if it is costed, its economy.</summary>
/// <param name="Name">Its name; the first variant given is the baseline.</param>
/// <param name="Description">What it changes.</param>
/// <param name="Network">The network.</param>
/// <param name="Economy">Prices, fixed costs, budgets and the pooled fund; null = not costed.</param>
public sealed record ExperimentVariant(string Name, string Description, Network Network, Economy? Economy = null);

/// <summary>
/// Runs a baseline and its variants with the same options and seed, so that every variant sees
/// the same random numbers for the same patients (common random numbers) and differences
/// between them are differences between the options, not between the dice. The first variant
/// is the baseline; every other is compared with it replication by replication (paired).
/// </summary>
public static partial class Experiment
{
    /// <summary>Runs every variant in order; <paramref name="replicationDone"/> is called as each replication of any variant finishes.</summary>
    public static IReadOnlyList<VariantResult> Run(IReadOnlyList<ExperimentVariant> variants, RunOptions options, Action? replicationDone = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(options);
        var counted = options with { CountDelays = true, DailyCensus = true };
        var results = new List<VariantResult>();
        foreach (var v in variants)
        {
            RunResult run;
            try
            {
                run = Simulator.Run(v.Network, counted, replicationDone);
            }
            catch (InvalidModelException e) when (variants.Count > 1)
            {
                throw new InvalidModelException([.. e.Problems.Select(p => p with { Message = $"variant '{v.Name}': {p.Message}" })]);
            }
            var costs = v.Economy is { } economy
                ? new VariantCosts([.. run.Replications.Select(r => Costing.Of(v.Network, economy, r, options.Horizon))], economy.Prices.Year)
                : null;
            var result = new VariantResult(v.Name, v.Description, v.Network, run, costs) { Economy = v.Economy };
            if (results.Count > 0)
            {
                result.VersusBaseline = Compare(results[0], result, v.Economy, options);
                result.HarmsVersusBaseline = CompareHarms(results[0], result);
            }
            results.Add(result);
        }
        return results;
    }

    /// <summary>Each harm measure's paired difference (variant − baseline), replication by replication.</summary>
    private static Dictionary<HarmMeasure, Estimate> CompareHarms(VariantResult baseline, VariantResult variant)
    {
        int n = baseline.Run.Replications.Count;
        var differences = new double[n];
        var byMeasure = new Dictionary<HarmMeasure, Estimate>();
        foreach (var m in Enum.GetValues<HarmMeasure>())
        {
            for (int i = 0; i < n; i++)
            {
                differences[i] = variant.Harms.In(m, i) - baseline.Harms.In(m, i);
            }
            byMeasure[m] = Estimate.Of(differences.AsSpan());
        }
        return byMeasure;
    }

    /// <summary>Paired differences of a variant against the baseline, replication by replication.</summary>
    private static Comparison Compare(VariantResult baseline, VariantResult variant, Economy? economy, RunOptions options)
    {
        int n = baseline.Run.Replications.Count;
        Estimate Paired(Func<VariantResult, int, double> measure) => Estimate.Of(Enumerable.Range(0, n).Select(i => measure(variant, i) - measure(baseline, i)));
        var avoided = Paired((v, i) => -v.Run.Delays!.Replications[i].DaysPerYear);
        // Freed beds are beds that stay open and stand empty: a closed bed frees nothing.
        var freed = Paired((v, i) => v.EmptyOpenAcuteBedDays(i));
        var waiting = Paired((v, i) => v.AdmissionsWaitingIn(i));
        Estimate Money(Func<CostBreakdown, Units.Money> part) => variant.Costs is null || baseline.Costs is null
            ? Estimate.Undefined
            : Paired((v, i) => (double)part(v.Costs!.Replications[i]).Pounds);
        var byOrg = new[] { Commissioner.Nhs, Commissioner.SocialCare }.ToDictionary(o => o, o => Money(c => c.ByOrganisation.GetValueOrDefault(o)));
        var cash = Money(c => -(c.Funded + c.FixedCosts));
        return new Comparison(variant.Name, avoided, freed, waiting, Money(c => c.Total), byOrg, economy?.Prices ?? new PriceList(),
            Units.YearLength.Years(options.HorizonDays), economy?.Budgets ?? [], cash, Money(c => c.Activity), Money(c => c.UnmetDemand))
        {
            UnmetElectives = Money(c => c.Unmet.Electives),
            UnmetWaiting = Money(c => c.Unmet.Waiting),
        };
    }
}

/// <summary>One variant's run, with the headline figures a board asks for first.</summary>
public sealed class VariantResult
{
    private readonly int[] _acute;

    internal VariantResult(string name, string description, Network network, RunResult run, VariantCosts? costs)
    {
        Name = name;
        Description = description;
        Network = network;
        Run = run;
        Costs = costs;
        _acute = [.. network.Services.Select((s, i) => (s, i)).Where(x => x.s.Kind == ServiceKind.Acute).Select(x => x.i)];
        DelayedPatients = run.Delays!.MeanDelayed;
        DelayedDaysPerYear = run.Delays.DaysPerYear;
        AcuteOccupancy = run.Over(r => _acute.Length == 0 ? double.NaN
            : _acute.Sum(i => r.Get(i, ServiceMetric.MeanOccupancy)) / _acute.Sum(i => r.Get(i, ServiceMetric.MeanCapacity))).Share();
        AdmissionsWaiting = Estimate.Of(Enumerable.Range(0, run.Replications.Count).Select(AdmissionsWaitingIn)).NonNegative();
        Harms = new Harms(network, run);
        Stability = Stability.Of(network, run);
    }

    /// <summary>Activity and harms: patients treated, waits for an acute bed, occupancy, delays in places the SitRep does not count.</summary>
    public Harms Harms { get; }

    /// <summary>Whether its queues settle; an unstable variant's long-run figures have no meaning.</summary>
    public Stability Stability { get; }

    /// <summary>Each harm measure's paired difference from the baseline (variant − baseline); null for the baseline itself.</summary>
    public IReadOnlyDictionary<HarmMeasure, Estimate>? HarmsVersusBaseline { get; internal set; }

    /// <summary>The variant's name ("baseline" for the baseline).</summary>
    public string Name { get; }

    /// <summary>What it changes.</summary>
    public string Description { get; }

    /// <summary>The network run.</summary>
    public Network Network { get; }

    /// <summary>The full run: services, delays, replications.</summary>
    public RunResult Run { get; }

    /// <summary>Its economy (prices, budgets, pooled fund), if it was costed.</summary>
    public Economy? Economy { get; internal init; }

    /// <summary>Its costs, if it was costed.</summary>
    public VariantCosts? Costs { get; }

    /// <summary>Paired differences against the baseline; null for the baseline itself.</summary>
    public Comparison? VersusBaseline { get; internal set; }

    /// <summary>
    /// The headline measures with parameter uncertainty (<c>run --parameter-uncertainty</c>):
    /// each from randomness only and with the parameters' uncertainty; null in an ordinary run.
    /// </summary>
    public ParameterUncertaintyResult? Uncertainty { get; internal set; }

    /// <summary>Patients delayed on a typical day: the mean of the daily midnight counts of delayed patients.</summary>
    public Estimate DelayedPatients { get; }

    /// <summary>Delayed days a year.</summary>
    public Estimate DelayedDaysPerYear { get; }

    /// <summary>Acute occupancy: time-average places held in acute services ÷ their capacity.</summary>
    public Estimate AcuteOccupancy { get; }

    /// <summary>Admissions waiting: the mean midnight count queued for acute services.</summary>
    public Estimate AdmissionsWaiting { get; }

    /// <summary>
    /// Empty open acute bed-days over the horizon in replication i: at each midnight, the places
    /// in force (escalation beds included) less the places held, in acute services with a limit.
    /// </summary>
    internal double EmptyOpenAcuteBedDays(int i)
    {
        var census = Run.Replications[i].Census!;
        double sum = 0;
        foreach (int s in _acute)
        {
            for (int d = 0; d < census.Days; d++)
            {
                if (census.CapacityOn(s, d).TryGetPlaces(out int places))
                {
                    sum += places - census.Occupied[s][d];
                }
            }
        }
        return sum;
    }

    /// <summary>Mean midnight count queued for acute services in replication i.</summary>
    internal double AdmissionsWaitingIn(int i)
    {
        var census = Run.Replications[i].Census;
        if (_acute.Length == 0 || census is null || census.Days == 0)
        {
            return double.NaN;
        }
        double sum = 0;
        foreach (int s in _acute)
        {
            for (int d = 0; d < census.Days; d++)
            {
                sum += census.Queued[s][d];
            }
        }
        return sum / census.Days;
    }
}
