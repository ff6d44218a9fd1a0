using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Forecasting;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Forecasting;

/// <summary>A register's ready patients start where the register says they are along a chain of resources, and keep their reason.</summary>
public class ForecastChainTests
{
    private static readonly DateTime AsOf = new(2016, 6, 10);

    // acute → assessment (one assessor, 5 days) → nursing-home search (Dii, 10 days) → a nursing home full for years.
    // Two groups; the census's group comes from acute's start mix, all "other" — whose routing never reaches the assessment.
    private static Network Net() => new NetworkBuilder()
        .Groups("frail", "other")
        .Service(new ServiceDefinition
        {
            Name = "acute", Capacity = 20, LengthOfStay = Distribution.Deterministic(30), Kind = ServiceKind.Acute,
            Start = new StartingState { Occupied = 0, GroupMix = new Dictionary<string, double> { ["other"] = 1 } },
        })
        .Service(new ServiceDefinition { Name = "assessment", Capacity = 1, LengthOfStay = Distribution.Deterministic(5), Kind = ServiceKind.Assessment, Role = ServiceRole.Resource })
        .Service(new ServiceDefinition { Name = "nursing_search", Capacity = Capacity.Unlimited, LengthOfStay = Distribution.Deterministic(10), Kind = ServiceKind.Other, Role = ServiceRole.Resource, DelayReason = DelayReason.Dii })
        .Service(new ServiceDefinition
        {
            Name = "nursing_home", Capacity = 1, LengthOfStay = Distribution.Deterministic(5000), Kind = ServiceKind.NursingHome,
            Start = new StartingState { Occupied = 1 },
        })
        .Arrivals("none", "acute", ArrivalRate.Constant(RatePerDay.Of(1e-9)))
        .RouteGroup("acute", "frail", ("home", 0.5), ("assessment", 0.5))
        .RouteGroup("acute", "other", ("home", 1.0))
        .Route("assessment", "nursing_search")
        .Route("nursing_search", "nursing_home")
        .Route("nursing_home", "home")
        .Build();

    private static ObservedStay Ready(long patient, double readyDaysAgo, params (double DaysAgo, DelayReason Reason)[] reasons) =>
        new(patient, new DelayRecord
        {
            Service = "acute", Beds = SitRepBeds.Acute, Admitted = AsOf.AddDays(-readyDaysAgo - 3), Ready = AsOf.AddDays(-readyDaysAgo),
            Reasons = [.. reasons.Select(r => new ReasonChange(AsOf.AddDays(-r.DaysAgo), r.Reason, Responsibility.SocialCare))],
        });

    [Fact]
    public void A_patient_waiting_behind_a_chain_of_resources_keeps_its_reason_on_day_one_and_every_day_after()
    {
        IReadOnlyList<ObservedStay> register =
        [
            Ready(1, 6, (6, DelayReason.A), (3, DelayReason.Dii)),   // assessed, 3 days into the search: 7 days left, then the full home
            Ready(2, 1, (1, DelayReason.A)),                         // 1 day into the assessment: 4 days left
            Ready(3, 2, (2, DelayReason.Dii)),                       // a register that keeps only the current reason: the search too
        ];
        var census = RegisterSnapshot.Of(Net(), register, AsOf);
        Assert.Equal(3, census.DelayedNow);
        var f = Forecast.Run([new("baseline", "", Net())], census, new ForecastSettings { Days = 10, Replications = 10, Seed = 1 });
        var v = f.Variants[0];
        ForecastBand Band(DelayReason r, int day) => v.ByReason.Single(x => x.Reason == r).Days[day - 1];

        // Everyone is still delayed every day: the nursing home never has room.
        Assert.All(v.Delayed, d => Assert.Equal((3.0, 3.0), (d.Lower95, d.Upper95)));
        // Day 1: two in the search (Dii), one at the assessment (A), in every replication.
        Assert.Equal((2.0, 2.0), (Band(DelayReason.Dii, 1).Lower95, Band(DelayReason.Dii, 1).Upper95));
        Assert.Equal((1.0, 1.0), (Band(DelayReason.A, 1).Lower95, Band(DelayReason.A, 1).Upper95));
        // The assessment ends 4 days on (day 5's midnight is after it): from then all three are Dii.
        Assert.Equal(1, Band(DelayReason.A, 4).Upper95);
        Assert.Equal(3, Band(DelayReason.Dii, 5).Lower95);
    }
}
