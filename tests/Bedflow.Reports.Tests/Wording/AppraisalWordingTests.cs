using Bedflow.Core.Decisions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Statistics;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports.Tests.Wording;

/// <summary>How an unstable option's reason reads: which service, and what shows it.</summary>
public class AppraisalWordingTests
{
    private static LoadFinding Finding(string service, LoadLevel level, double offered, double capacity, IReadOnlyList<string>? unbounded = null) => new(
        ModelPath.Service(service),
        new ServiceLoad
        {
            Service = service,
            ArrivalsPerDay = 1,
            Mean = new LoadFigure(new DateOnly(2016, 4, 1), new DateOnly(2017, 3, 31), offered, 0, capacity),
            UnboundedGroups = unbounded ?? [],
        },
        level,
        LoadBasis.Report,
        Allowed: false);

    [Fact]
    public void A_service_the_flow_balance_overloads_is_named_with_its_offered_share_of_capacity()
    {
        var o = new Overloads([], 0, [Finding("reablement", LoadLevel.Over, 103, 100)]);
        Assert.Equal(
            "this option overloads reablement (offered 103% of its capacity over the period by the flow balance, so it cannot keep up): its long-run figures have no meaning.",
            AppraisalWording.Sentence(o));
    }

    [Fact]
    public void A_service_both_over_capacity_and_growing_is_named_once_with_both()
    {
        var growth = new QueueGrowth("acute", Estimate.Of([500.0, 520, 480]));
        var o = new Overloads([growth], 0, [Finding("acute", LoadLevel.Over, 120, 100)]);
        Assert.Equal(
            "this option overloads acute (offered 120% of its capacity over the period by the flow balance, so it cannot keep up; its queue grows by about 500 over the period): its long-run figures have no meaning.",
            AppraisalWording.Sentence(o));
    }

    [Fact]
    public void Unbounded_flow_and_deadlocks_are_said_as_such()
    {
        var o = new Overloads([], 2, [Finding("loop", LoadLevel.Unbounded, double.PositiveInfinity, 10, ["frail"])]);
        Assert.Equal(
            "patients who reach loop can never leave the network, so its load grows without bound; 2 replication(s) end in a deadlock.",
            AppraisalWording.Sentence(o));
    }
}
