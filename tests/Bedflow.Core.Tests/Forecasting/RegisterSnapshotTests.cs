using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Forecasting;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Forecasting;

/// <summary>The census of a register's beds at a moment (<see cref="RegisterSnapshot"/>): who is in, how long, what they wait for — and nothing learnt later.</summary>
public class RegisterSnapshotTests
{
    private static readonly DateTime AsOf = new(2016, 6, 10, 9, 0, 0);

    // acute → community hospital (C), a referral (a resource, C) or reablement (E); a care home with a choice wait behind an assessment.
    internal static Network Net() => new NetworkBuilder()
        .Service("acute", 20, Distribution.LogNormal(5, 5), kind: ServiceKind.Acute)
        .Service(new ServiceDefinition { Name = "community_hospital", Capacity = 5, LengthOfStay = Distribution.Exponential(20), Kind = ServiceKind.CommunityHospital, Start = new StartingState { Occupied = 4 } })
        .Service(new ServiceDefinition { Name = "reablement", Capacity = 5, LengthOfStay = Distribution.Exponential(20), Kind = ServiceKind.Reablement, Start = new StartingState { Occupied = 3 } })
        .Service(new ServiceDefinition { Name = "assessment", Capacity = 2, LengthOfStay = Distribution.Exponential(2), Kind = ServiceKind.Assessment, Role = ServiceRole.Resource })
        .Service(new ServiceDefinition
        {
            Name = "care_home", Capacity = 10, LengthOfStay = Distribution.Exponential(300), Kind = ServiceKind.ResidentialHome,
            Choice = new PatientChoice { Share = 0.4, Wait = Distribution.Exponential(10) },
        })
        .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(3)))
        .Route("acute", ("home", 0.7), ("community_hospital", 0.1), ("reablement", 0.1), ("assessment", 0.1))
        .Route("community_hospital", "home")
        .Route("reablement", "home")
        .Route("assessment", "care_home")
        .Route("care_home", "home")
        .Build();

    private static ObservedStay Stay(long patient, string service, DateTime admitted, DateTime? ready = null, DateTime? exit = null, bool adult = true,
        params (DateTime From, DelayReason Reason)[] reasons) =>
        new(patient, new DelayRecord
        {
            Service = service,
            Beds = service == "acute" ? SitRepBeds.Acute : SitRepBeds.NonAcute,
            Adult = adult,
            Admitted = admitted,
            Ready = ready,
            Exit = exit,
            Reasons = [.. reasons.Select(r => new ReasonChange(r.From, r.Reason, Responsibility.Nhs))],
        });

    private static DateTime Before(double days) => AsOf.AddDays(-days);

    internal static IReadOnlyList<ObservedStay> Tiny() =>
    [
        Stay(1, "acute", Before(3)),                                                                   // in, not ready
        Stay(2, "acute", Before(6), Before(2), AsOf.AddDays(3), reasons: (Before(2), DelayReason.C)),      // ready, waits for community (C)
        Stay(3, "acute", Before(9), Before(6), Before(1), reasons: (Before(6), DelayReason.E)),            // gone before the moment
        Stay(4, "acute", AsOf.AddHours(2)),                                                             // admitted after the moment
        Stay(5, "acute", Before(4), AsOf.AddDays(1), AsOf.AddDays(2), reasons: (AsOf.AddDays(1), DelayReason.E)), // ready only after the moment
        Stay(6, "acute", Before(8), Before(5), null, true, (Before(5), DelayReason.E), (AsOf.AddDays(1), DelayReason.G)), // E now; G later is unknown
        Stay(7, "acute", Before(10), Before(7), null, true, (Before(7), DelayReason.A), (Before(1), DelayReason.G)),   // G now (via the assessment)
        Stay(8, "acute", Before(2), Before(1), null, false, (Before(1), DelayReason.Di)),                  // a child: in, ready, not counted delayed
        Stay(9, "community_hospital", Before(12)),                                                      // in the community hospital
        Stay(2, "community_hospital", AsOf.AddDays(3)),                                                 // patient 2's later stay: not yet
    ];

    [Fact]
    public void The_census_holds_every_patient_in_a_register_bed_at_the_moment_with_its_times_and_what_it_waits_for()
    {
        var census = RegisterSnapshot.Of(Net(), Tiny(), AsOf);

        Assert.Empty(census.Problems);
        Assert.Equal(["acute", "community_hospital"], census.RegisterServices);
        // 70 days from 2016-04-01 to 2016-06-10, and 9 hours.
        Assert.Equal(70.375, census.Snapshot.Day, 12);
        var p = census.Snapshot.Patients;
        Assert.Equal(7, p.Count);
        // Acute first (the network's order), by admission: 7 (10 d), 6 (8 d), 2 (6 d), 5 (4 d), 1 (3 d), 8 (2 d); then community.
        Assert.Equal([10, 8, 6, 4, 3, 2, 12], p.Select(x => Math.Round(x.InBed, 9)));
        Assert.Equal(["acute", "acute", "acute", "acute", "acute", "acute", "community_hospital"], p.Select(x => x.Service));
        Assert.Equal([7, 5, 2, null, null, 1, null], p.Select(x => x.ReadyFor is { } r ? Math.Round(r, 9) : (double?)null));
        // 7: A (the assessment) then G: in its choice wait for the care home behind the assessment, for a day.
        Assert.Equal([new StartingStep("care_home", 0.1)], p[0].Steps);
        Assert.True(p[0].Choice);
        Assert.Equal(1, p[0].InStep!.Value, 9);
        Assert.Equal([new StartingStep("reablement", 0.1)], p[1].Steps);   // E, not the G recorded later
        Assert.False(p[1].Choice);
        Assert.Equal(5, p[1].InStep!.Value, 9);
        Assert.Equal([new StartingStep("community_hospital", 0.1)], p[2].Steps);
        // Di recorded alone: the care home behind the assessment (a register that keeps only the current reason).
        Assert.Equal([new StartingStep("care_home", 0.1)], p[5].Steps);
        Assert.All([p[3], p[4], p[6]], x => Assert.Empty(x.Steps));
        // Delayed now: the adults ready in SitRep beds — 7, 6 and 2 (8 is a child).
        Assert.Equal(3, census.DelayedNow);
    }

    [Fact]
    public void Nothing_recorded_after_the_moment_changes_the_census()
    {
        var full = Tiny();
        // What the register held at the moment: no stay admitted later, no later ready time, discharge or reason.
        var known = full.Where(s => s.Stay.Admitted <= AsOf).Select(s => s with
        {
            Stay = s.Stay with
            {
                Ready = s.Stay.Ready <= AsOf ? s.Stay.Ready : null,
                Exit = s.Stay.Exit <= AsOf ? s.Stay.Exit : null,
                Reasons = [.. s.Stay.Reasons.Where(r => r.From <= AsOf)],
            },
        }).ToList();
        // And a register that learnt different things later: everyone discharged the next day, ready an hour after the moment.
        var otherFuture = known.Select(s => s with
        {
            Stay = s.Stay with
            {
                Ready = s.Stay.Ready ?? AsOf.AddHours(1),
                Exit = s.Stay.Exit ?? AsOf.AddDays(1),
                Reasons = [.. s.Stay.Reasons, new ReasonChange(AsOf.AddHours(1), DelayReason.F, Responsibility.Nhs)],
            },
        }).Append(Stay(99, "acute", AsOf.AddMinutes(1))).ToList();

        string a = Describe(RegisterSnapshot.Of(Net(), full, AsOf)), b = Describe(RegisterSnapshot.Of(Net(), known, AsOf)), c = Describe(RegisterSnapshot.Of(Net(), otherFuture, AsOf));
        Assert.Equal(b, a);
        Assert.Equal(b, c);
        // Teeth: a moment a day later does see the changes.
        Assert.NotEqual(Describe(RegisterSnapshot.Of(Net(), full, AsOf.AddDays(1))), Describe(RegisterSnapshot.Of(Net(), otherFuture, AsOf.AddDays(1))));
    }

    [Fact]
    public void A_register_service_the_scenario_lacks_or_holds_as_a_resource_is_a_problem_naming_it()
    {
        var stays = Tiny().Append(Stay(20, "ward_9", Before(1))).Append(Stay(21, "assessment", Before(1))).ToList();
        var census = RegisterSnapshot.Of(Net(), stays, AsOf);
        Assert.Contains(census.Problems, p => p.Contains("'ward_9'", StringComparison.Ordinal) && p.Contains("no service of that name", StringComparison.Ordinal));
        Assert.Contains(census.Problems, p => p.Contains("'assessment'", StringComparison.Ordinal) && p.Contains("resource", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => Forecast.Run([new("baseline", "", Net())], census, new ForecastSettings { Replications = 2 }));
    }

    [Fact]
    public void A_moment_before_the_scenario_starts_is_a_problem()
    {
        var census = RegisterSnapshot.Of(Net(), [Stay(1, "acute", new DateTime(2016, 3, 1))], new DateTime(2016, 3, 20));
        Assert.Contains(census.Problems, p => p.Contains("before the scenario's start date 2016-04-01", StringComparison.Ordinal));
    }

    [Fact]
    public void The_census_covers_the_register_services_even_one_with_nobody_in_it_now()
    {
        // Nobody is in the community hospital at the moment (9 admitted later), yet the register holds it.
        var stays = Tiny().Where(s => s.Patient != 9).Append(Stay(30, "community_hospital", Before(40), Before(35), Before(30))).ToList();
        var census = RegisterSnapshot.Of(Net(), stays, AsOf);
        Assert.DoesNotContain(census.Snapshot.Patients, p => p.Service == "community_hospital");
        Assert.Equal(["acute", "community_hospital"], census.Snapshot.Covers);
    }

    private static string Describe(RegisterSnapshot s) =>
        string.Join("\n", s.Snapshot.Patients.Select(p => $"{p.Service} {p.InBed:R} {p.ReadyFor:R} [{string.Join(",", p.Steps)}] {p.InStep:R} {p.Choice}")) + $"\n{s.DelayedNow} {s.Snapshot.Day:R}";
}
