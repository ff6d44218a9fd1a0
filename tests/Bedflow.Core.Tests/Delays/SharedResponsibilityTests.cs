using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Delays;

/// <summary>
/// A service whose delays are shared between organisations (<see cref="ResponsibilityMix"/>):
/// each patient's wait is attributed to one organisation, in the stated shares, the same one in
/// every option compared, and drawing it changes nothing else in the run.
/// </summary>
public class SharedResponsibilityTests
{
    private static readonly ResponsibilityMix Shares = ResponsibilityMix.Of([new(Responsibility.Nhs, 0.3), new(Responsibility.SocialCare, 0.2), new(Responsibility.Both, 0.5)]);

    // Acute with room for everyone; half its patients need reablement: first brokered (a resource used while keeping
    // the acute bed, reason E), then waiting for a place, which is often full (E again, with the same shares).
    private static Network Network(int reablement, ResponsibilityMix? responsible) => new()
    {
        StartDate = new DateOnly(2016, 4, 1),
        Services =
        [
            new ServiceDefinition { Name = "acute", Kind = ServiceKind.Acute, Capacity = new CapacitySchedule(Capacity.Unlimited), LengthOfStay = Distribution.Exponential(2) },
            new ServiceDefinition
            {
                Name = "brokerage", Kind = ServiceKind.Other, Role = ServiceRole.Resource, Capacity = new CapacitySchedule(Capacity.Unlimited),
                LengthOfStay = Distribution.Exponential(1), DelayReason = DelayReason.E, Commissioner = Commissioner.SocialCare, DelaysResponsible = responsible,
            },
            new ServiceDefinition
            {
                Name = "reablement", Kind = ServiceKind.Reablement, Capacity = new CapacitySchedule(Capacity.Of(reablement)),
                LengthOfStay = Distribution.Exponential(5), DelaysResponsible = responsible,
            },
        ],
        Arrivals = [new ArrivalStreamDefinition { Name = "ed", Service = ServiceId.Of("acute"), Rate = ArrivalRate.Constant(RatePerDay.Of(4)) }],
        Routes =
        [
            new RouteDefinition { From = "acute", Destinations = [("home", 0.5), ("brokerage", 0.5)] },
            new RouteDefinition { From = "brokerage", Destinations = [("reablement", 1.0)] },
            new RouteDefinition { From = "reablement", Destinations = [("home", 1.0)] },
        ],
        Exits = ["home"],
    };

    private static readonly RunOptions Options = new() { Warmup = Days.Of(30), Horizon = Days.Of(300), Replications = 1, Seed = 77, RecordEpisodes = true };

    private static List<(long Patient, Responsibility Who)> Waits(Network network, out DelayFigures figures, out ReplicationResult replication)
    {
        var sink = SimulatedDelays.Sink(network, Options, 0);
        replication = new Replication(new CompiledNetwork(network), Options, 0, sink).Run();
        figures = sink.Figures();
        var waits = new List<(long, Responsibility)>();
        foreach (var (episode, record) in SimulatedDelays.Stays(network, replication, Options))
        {
            var e = record.Reasons.Where(r => r.Reason == DelayReason.E).ToList();
            if (e.Count > 0)
            {
                // One organisation for the whole of a patient's wait, however many stretches and stages it has.
                Assert.Single(e.Select(r => r.Responsible).Distinct());
                waits.Add((episode.Patient, e[0].Responsible));
            }
        }
        return waits;
    }

    [Fact]
    public void Each_delayed_patient_falls_to_one_organisation_in_the_stated_shares()
    {
        var waits = Waits(Network(9, Shares), out var figures, out var replication);
        // The stages are there: brokerage and then a wait for a place, for many of the patients.
        int staged = SimulatedDelays.Stays(Network(9, Shares), replication, Options).Count(s => s.Record.Reasons.Count(r => r.Reason == DelayReason.E) >= 2);
        Assert.True(staged > 50, $"only {staged} patients were delayed in two stages");
        Assert.True(waits.Count > 200, $"only {waits.Count} patients waited: the test needs a busy service");
        foreach (var share in Shares.Shares)
        {
            double observed = waits.Count(w => w.Who == share.Who) / (double)waits.Count;
            // Four binomial standard errors: a false alarm about once in 16,000 runs, a wrong share caught.
            double se = Math.Sqrt(share.Share * (1 - share.Share) / waits.Count);
            Assert.True(Math.Abs(observed - share.Share) < 4 * se, $"{share.Who}: {observed:P1} of patients, expected {share.Share:P0} (±{4 * se:P1})");
            Assert.True(figures.Days(share.Who) > 0, $"{share.Who} has no delayed days");
        }
    }

    [Fact]
    public void A_patient_falls_to_the_same_organisation_in_every_option()
    {
        var tight = Waits(Network(8, Shares), out _, out _).ToDictionary(w => w.Patient, w => w.Who);
        var loose = Waits(Network(10, Shares), out _, out _);
        var both = loose.Where(w => tight.ContainsKey(w.Patient)).ToList();
        Assert.True(both.Count > 100, $"only {both.Count} patients waited in both options");
        Assert.All(both, w => Assert.Equal(tight[w.Patient], w.Who));
    }

    [Fact]
    public void Sharing_the_responsibility_changes_no_other_number_of_the_run()
    {
        Waits(Network(9, Shares), out var shared, out var a);
        Waits(Network(9, Responsibility.SocialCare), out var single, out var b);
        Assert.Equal(single.TotalDays, shared.TotalDays);
        Assert.Equal(single.Days(DelayReason.E), shared.Days(DelayReason.E));
        Assert.Equal(single.Days(Responsibility.SocialCare), shared.TotalDays);
        Assert.Equal(a.Counts, b.Counts);
    }
}
