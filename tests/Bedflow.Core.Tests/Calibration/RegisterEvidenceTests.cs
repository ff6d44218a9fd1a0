using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Calibration;

/// <summary>A register's stays as the samples calibration fits, on a hand-made register.</summary>
public class RegisterEvidenceTests
{
    private static DateTime T(int month, int day, int hour = 0) => new(2016, month, day, hour, 0, 0);

    private static ObservedStay Stay(long patient, string service, DateTime admitted, DateTime? ready, DateTime? exit, DischargePathway? pathway = null, params DelayReason[] reasons) =>
        new(patient, new DelayRecord
        {
            Service = service,
            Beds = service == "acute" ? SitRepBeds.Acute : SitRepBeds.NonAcute,
            Admitted = admitted,
            Ready = ready,
            Exit = exit,
            Pathway = pathway,
            Reasons = [.. reasons.Select(r => new ReasonChange(ready!.Value, r, Responsibility.Nhs))],
        });

    // Window 1–20 April 2016.
    private static readonly ObservedStay[] Register =
    [
        // 1: four days to ready, a day's delay waiting for the community bed, then ten days there and home.
        Stay(1, "acute", T(4, 1, 10), T(4, 5, 10), T(4, 6, 10), null, DelayReason.C),
        Stay(1, "community_hospital", T(4, 6, 10), T(4, 16, 10), T(4, 16, 10), DischargePathway.P0),
        // 2: admitted 2 April, not ready by the end: censored at 18 days.
        Stay(2, "acute", T(4, 2), null, null),
        // 3: admitted before the window (not a sample of stays), left in it on time with reablement.
        Stay(3, "acute", T(3, 20), T(4, 3), T(4, 3), DischargePathway.P1),
        // 4: died on day 3 of a stay, never ready: censored at a day, not a discharge.
        Stay(4, "acute", T(4, 3), null, T(4, 4)),
        // 5: a choice delay of two days, then home; readmitted a week later (not a transfer).
        Stay(5, "acute", T(4, 4), T(4, 6), T(4, 8), DischargePathway.P0, DelayReason.G),
        Stay(5, "acute", T(4, 15), T(4, 17), T(4, 17), DischargePathway.P0),
    ];

    private static readonly RegisterEvidence Evidence = RegisterEvidence.Of(Register, T(4, 1), T(4, 20));

    [Fact]
    public void Times_to_ready_are_observed_or_censored_and_only_for_stays_admitted_in_the_window()
    {
        var acute = Evidence.For("acute")!;
        Assert.Equal(
            [(1, true), (2, false), (2, false), (4, false), (18, true)],
            acute.TimesToReady.Select(t => (t.Days, t.IsCensored)).Order());
        Assert.Equal([Bedflow.Core.Statistics.Fitting.Stay.Completed(10)], Evidence.For("community_hospital")!.TimesToReady);
        Assert.Equal(3, acute.ReadyCount);
    }

    [Fact]
    public void A_stay_goes_to_the_patients_next_stay_when_it_begins_as_this_one_ends_else_to_its_pathway()
    {
        var acute = Evidence.For("acute")!;
        Assert.Equal(1, acute.Next[Destination.To("community_hospital")]);
        Assert.Equal(1, acute.Next[Destination.Discharged(DischargePathway.P1)]);
        Assert.Equal(2, acute.Next[Destination.Discharged(DischargePathway.P0)]); // patient 5 twice: a week apart is a readmission
        Assert.Equal(1, acute.Next[Destination.Discharged(null)]);
        Assert.Equal(5, acute.Next.Values.Sum());
        Assert.Equal(1, Evidence.For("community_hospital")!.Next[Destination.Discharged(DischargePathway.P0)]);
    }

    [Fact]
    public void Admissions_from_outside_and_transfers_in_are_counted_a_day_at_a_time()
    {
        var acute = Evidence.For("acute")!;
        Assert.Equal(19, Evidence.Days);
        Assert.Equal([1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0], acute.AdmissionsByDay);
        Assert.All(acute.TransfersInByDay, n => Assert.Equal(0, n));
        var community = Evidence.For("community_hospital")!;
        Assert.Equal(1, community.TransfersInByDay[5]);
        Assert.Equal(0, community.AdmissionsByDay.Sum());
    }

    [Fact]
    public void Delays_from_ready_to_leaving_and_the_choice_share_come_from_the_departures_in_the_window()
    {
        var acute = Evidence.For("acute")!;
        Assert.Equal([1.0, 2.0], acute.Delays.Order());
        Assert.Equal(2, acute.DischargedOnTime); // patient 3, and patient 5's second stay
        Assert.Equal(0.5, acute.ChoiceShare);
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RegisterEvidence.Of(Register, T(4, 20), T(4, 1)));
    }
}
