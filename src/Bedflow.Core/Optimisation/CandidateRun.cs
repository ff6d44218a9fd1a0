using Bedflow.Core.Experiments;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;

namespace Bedflow.Core.Optimisation;

/// <summary>
/// One allocation simulated: its spend a year on the levers and, replication by replication (on
/// the same random numbers as every other candidate), its delayed days a year (all, and in acute
/// beds), the price of its unmet demand a year and its harms. Immutable.
/// </summary>
public sealed class CandidateRun
{
    private readonly double _price;

    internal CandidateRun(Money spend, CandidateRecord record, Money? delayedDayPrice)
    {
        Record = record;
        Allocation = record.Allocation;
        Spend = spend;
        _price = delayedDayPrice is { } p ? (double)p.Pounds : double.NaN;
        Priced = delayedDayPrice is not null;
    }

    /// <summary>The numbers simulated.</summary>
    public CandidateRecord Record { get; }

    /// <summary>The allocation.</summary>
    public Allocation Allocation { get; }

    /// <summary>Its spend a year on the levers.</summary>
    public Money Spend { get; }

    /// <summary>Replications simulated.</summary>
    public int Replications => Record.Replications;

    /// <summary>Whether a delayed day has a price (total system cost is defined).</summary>
    public bool Priced { get; }

    /// <summary>Whether it is unstable judged on its first <paramref name="n"/> replications (it cannot be recommended).</summary>
    public bool UnstableIn(int n) => Record.UnstableIn(n);

    /// <summary>Delayed days a year in replication <paramref name="i"/>.</summary>
    public double DelayedDays(int i) => Record.DelayedDays[i];

    /// <summary>Delayed days a year in acute beds in replication <paramref name="i"/>.</summary>
    public double AcuteDelayedDays(int i) => Record.AcuteDelayedDays[i];

    /// <summary>Harm <paramref name="measure"/> in replication <paramref name="i"/>.</summary>
    public double Harm(HarmMeasure measure, int i) => Record.Harms[measure][i];

    /// <summary>The mean of harm <paramref name="measure"/> over the first <paramref name="n"/> replications (NaN where it has no meaning).</summary>
    public double HarmMean(HarmMeasure measure, int n) => Record.Harms[measure].Take(n).Average();

    /// <summary>
    /// Total system cost a year in replication <paramref name="i"/>: the levers' spend, the delayed
    /// days at their price and the unmet demand at its prices. NaN when a delayed day has no price.
    /// </summary>
    public double TotalCost(int i) => (double)Spend.Pounds + (_price * Record.DelayedDays[i]) + Record.UnmetPounds[i];

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

    /// <summary>Delayed days a year over the first <paramref name="n"/> replications: mean and 95% interval.</summary>
    public Estimate DelayedDaysEstimate(int n) => Estimate.Of(Record.DelayedDays.Take(n)).NonNegative();

    /// <summary>Total system cost a year over the first <paramref name="n"/> replications: mean and 95% interval; null when a delayed day has no price.</summary>
    public Estimate? TotalCostEstimate(int n) => Priced ? Estimate.Of(Enumerable.Range(0, n).Select(TotalCost)) : null;
}
