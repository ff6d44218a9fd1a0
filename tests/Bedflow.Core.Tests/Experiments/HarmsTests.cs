using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Experiments;

/// <summary>The harm measures of a scripted five days, worked out by hand, and their paired differences.</summary>
public class HarmsTests
{
    // One acute bed, stays of exactly one day, no queue for planned patients (see FrontDoorCountsTests):
    // emergencies at 0.1, 0.2, 0.3, 2.9, 4.6 — waits 0, 0.9, 1.8, 0.2 days and 0.4 still waiting at the end;
    // electives at 0.5 (turned away) and 4.5 (admitted). Five days are 5/365.25 of a year: ×73.05 a year.
    private static Network Script(double[] emergencies) => new NetworkBuilder()
        .Service("acute", 1, Distribution.Deterministic(1), queueLimit: 0, kind: ServiceKind.Acute)
        .Arrivals(new ArrivalStreamDefinition { Name = "emergency", Service = ServiceId.Of("acute"), Rate = new ScriptedArrivals(emergencies) })
        .Arrivals(new ArrivalStreamDefinition { Name = "elective", Service = ServiceId.Of("acute"), Rate = new ScriptedArrivals([0.5, 4.5]), Kind = ArrivalKind.Planned })
        .Route("acute", "home")
        .Build();

    private static readonly RunOptions Options = new() { Warmup = Days.Of(0), Horizon = Days.Of(5), Replications = 2 };

    private static IReadOnlyList<VariantResult> Run() => Experiment.Run(
        [new ExperimentVariant("baseline", "", Script([0.1, 0.2, 0.3, 2.9, 4.6])), new ExperimentVariant("quieter", "", Script([0.1, 2.9]))], Options);

    [Fact]
    public void Each_harm_is_the_figure_worked_out_by_hand()
    {
        var h = Run()[0].Harms;
        Assert.Equal(4 * 73.05, h[HarmMeasure.EmergencyAdmissions].Mean, 9);
        Assert.Equal(1 * 73.05, h[HarmMeasure.ElectiveAdmissions].Mean, 9);
        Assert.Equal(1 * 73.05, h[HarmMeasure.ElectivesTurnedAway].Mean, 9);
        Assert.Equal(1.0, h[HarmMeasure.WaitingForAcuteBed].Mean, 9);     // midnights 2, 1, 1, 0, 1
        Assert.Equal(2.0, h[HarmMeasure.WaitingForAcuteBedPeak].Mean, 9); // daily maxima 2, 2, 1, 1, 1: the 5th of 5
        Assert.Equal(3.3 * 24 * 73.05, h[HarmMeasure.HoursWaitedForAcuteBed].Mean, 6); // 0.9 + 1.8 + 0.2 + 0.4 patient-days
        Assert.Equal(4 * 73.05, h[HarmMeasure.WaitsOver4Hours].Mean, 9);
        Assert.Equal(2 * 73.05, h[HarmMeasure.WaitsOver12Hours].Mean, 9);
        Assert.Equal(0.9, h[HarmMeasure.AcuteOccupancy].Mean, 9);         // busy 0.1–4.1 and 4.5–5
        Assert.Equal(5 * 73.05, h[HarmMeasure.DaysAbove95Percent].Mean, 9); // full at every midnight
        Assert.Equal(0, h[HarmMeasure.WaitingUncounted].Mean);
    }

    [Fact]
    public void The_paired_difference_is_the_variant_less_the_baseline_and_says_which_way_is_worse()
    {
        var results = Run();
        var d = results[1].HarmsVersusBaseline!;
        // The quieter variant: emergencies at 0.1 and 2.9 only, neither waits.
        Assert.Equal(-2 * 73.05, d[HarmMeasure.EmergencyAdmissions].Mean, 9);
        Assert.Equal(-4 * 73.05, d[HarmMeasure.WaitsOver4Hours].Mean, 9);
        Assert.Null(results[0].HarmsVersusBaseline);
        Assert.Equal(Worse.Lower, Harms.WorseWhen(HarmMeasure.EmergencyAdmissions));
        Assert.Equal(Worse.Higher, Harms.WorseWhen(HarmMeasure.WaitsOver4Hours));
    }

    [Fact]
    public void Patients_ready_to_move_on_in_places_the_SitRep_does_not_count_are_delay_moved_not_removed()
    {
        // Reablement (not a SitRep bed) sends everyone to home care, which has no room for the first 10 days.
        var net = new NetworkBuilder()
            .Service("reablement", 5, Distribution.Deterministic(1), kind: ServiceKind.Reablement)
            .Service("home_care", new CapacitySchedule(Capacity.Of(0), [(10.0, Capacity.Of(100))]), Distribution.Deterministic(1), kind: ServiceKind.HomeCare)
            .Arrivals(new ArrivalStreamDefinition { Name = "in", Service = ServiceId.Of("reablement"), Rate = new ScriptedArrivals([0.5, 0.5, 0.5]) })
            .Route("reablement", "home_care")
            .Route("home_care", "home")
            .Build();
        var r = Experiment.Run([new ExperimentVariant("baseline", "", net)], new RunOptions { Warmup = Days.Of(0), Horizon = Days.Of(20), Replications = 2 })[0];
        // Three patients ready at 1.5, waiting in reablement until day 10: 3 × 8.5 patient-days over 20 days.
        Assert.Equal(3 * 8.5 / 20, r.Harms[HarmMeasure.WaitingUncounted].Mean, 9);
        Assert.Equal(0, r.DelayedPatients.Mean);
    }
}
