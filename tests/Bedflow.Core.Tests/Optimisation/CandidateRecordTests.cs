using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;

namespace Bedflow.Core.Tests.Optimisation;

/// <summary>A candidate's stability is judged on the replications a decision uses, however many were simulated since.</summary>
public class CandidateRecordTests
{
    private static CandidateRecord Record(double[] growth, bool[] deadlocked, bool overCapacity = false)
    {
        int n = growth.Length;
        var zeros = Enumerable.Repeat(0.0, n).ToArray();
        return new CandidateRecord([0], zeros, zeros, zeros, Enum.GetValues<HarmMeasure>().ToDictionary(m => m, _ => (IReadOnlyList<double>)zeros), overCapacity)
        {
            Deadlocked = deadlocked,
            QueueGrowth = [growth],
            AdmittedPerDay = [Enumerable.Repeat(2.0, n).ToArray()],
        };
    }

    [Fact]
    public void A_queue_that_grows_only_in_later_replications_is_stable_on_the_first_ones_and_unstable_on_all()
    {
        // Growth over the period, patients: about 0 in the first four, 40–60 in the next six.
        double[] growth = [1, -2, 0.5, -1, 40, 55, 60, 45, 50, 52];
        var record = Record(growth, new bool[10]);
        Assert.False(record.UnstableIn(4));
        Assert.True(record.UnstableIn(10));
    }

    [Fact]
    public void A_deadlock_counts_only_in_the_replications_judged()
    {
        var record = Record(new double[6], [false, false, false, false, true, false]);
        Assert.False(record.UnstableIn(4));
        Assert.True(record.UnstableIn(5));
    }

    [Fact]
    public void An_overloaded_flow_balance_is_unstable_on_any_replications()
    {
        Assert.True(Record(new double[3], new bool[3], overCapacity: true).UnstableIn(1));
    }

    [Fact]
    public void Joining_records_keeps_every_series_in_replication_order()
    {
        var head = Record([0, 0], [false, false]);
        var tail = Record([50, 60], [false, true]);
        var joined = head.Then(tail);
        Assert.Equal([0.0, 0, 50, 60], joined.QueueGrowth[0]);
        Assert.Equal([false, false, false, true], joined.Deadlocked);
        Assert.Empty(joined.Problems(1));
    }
}
