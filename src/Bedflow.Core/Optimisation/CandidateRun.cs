using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;

namespace Bedflow.Core.Optimisation;

/// <summary>
/// One allocation simulated: its spend a year on the levers and, replication by replication (on
/// the same random numbers as every other candidate), its delayed days a year, the price of its
/// unmet demand a year and its harms. Immutable.
/// </summary>
public sealed class CandidateRun
{
    private readonly double[] _delayed;
    private readonly double[] _unmet;
    private readonly double _price;

    internal CandidateRun(Allocation allocation, Money spend, VariantResult result, PriceList? prices, Money? delayedDayPrice)
    {
        Allocation = allocation;
        Spend = spend;
        int n = result.Run.Replications.Count;
        _delayed = [.. result.Run.Delays!.Replications.Select(d => d.DaysPerYear)];
        _unmet = new double[n];
        for (int i = 0; i < n && prices is not null; i++)
        {
            // The unmet demand the costing prices (prices.unmet), a year: electives turned away and hours waited for an acute bed.
            double electives = result.Harms.In(HarmMeasure.ElectivesTurnedAway, i);
            double hours = result.Harms.In(HarmMeasure.HoursWaitedForAcuteBed, i);
            _unmet[i] = (double)prices.ElectiveTurnedAwayPrice.Pounds * (double.IsNaN(electives) ? 0 : electives)
                + (double)prices.Unmet.HourWaitingForBed.Pounds * (double.IsNaN(hours) ? 0 : hours);
        }
        _price = delayedDayPrice is { } p ? (double)p.Pounds : double.NaN;
        Priced = delayedDayPrice is not null;
        Harms = result.Harms;
        Unstable = result.Stability.IsUnstable;
    }

    /// <summary>The allocation.</summary>
    public Allocation Allocation { get; }

    /// <summary>Its spend a year on the levers.</summary>
    public Money Spend { get; }

    /// <summary>Replications simulated.</summary>
    public int Replications => _delayed.Length;

    /// <summary>Whether a delayed day has a price (total system cost is defined).</summary>
    public bool Priced { get; }

    /// <summary>Its harms, replication by replication.</summary>
    public Harms Harms { get; }

    /// <summary>Whether its queues do not settle (it cannot be recommended).</summary>
    public bool Unstable { get; }

    /// <summary>Delayed days a year in replication <paramref name="i"/>.</summary>
    public double DelayedDays(int i) => _delayed[i];

    /// <summary>
    /// Total system cost a year in replication <paramref name="i"/>: the levers' spend, the delayed
    /// days at their price and the unmet demand at its prices. NaN when a delayed day has no price.
    /// </summary>
    public double TotalCost(int i) => (double)Spend.Pounds + (_price * _delayed[i]) + _unmet[i];

    /// <summary>What <paramref name="goal"/> minimises, in replication <paramref name="i"/>.</summary>
    public double Objective(OptimiseGoal goal, int i) => goal == OptimiseGoal.TotalCost ? TotalCost(i) : DelayedDays(i);

    /// <summary>The mean of <paramref name="goal"/> over the first <paramref name="n"/> replications.</summary>
    public double Mean(OptimiseGoal goal, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += Objective(goal, i);
        }
        return sum / n;
    }

    /// <summary>Delayed days a year: mean and 95% interval.</summary>
    public Estimate DelayedDaysEstimate => Estimate.Of(_delayed.AsSpan()).NonNegative();

    /// <summary>Total system cost a year: mean and 95% interval; null when a delayed day has no price.</summary>
    public Estimate? TotalCostEstimate => Priced ? Estimate.Of(Enumerable.Range(0, Replications).Select(TotalCost)) : null;
}
