using Bedflow.Core.Forecasting;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Forecasting;

/// <summary>The model's own state of the services a register cannot see (<see cref="ModelState"/>): each ordinary run's places held on the census's date.</summary>
public class ModelStateTests
{
    [Fact]
    public void Each_run_s_places_held_at_the_midnight_starting_the_census_day_go_to_the_services_the_census_does_not_cover()
    {
        var net = ForecastTests.Blocking(20);
        var state = ModelState.Of(net, Days.Of(30), lastDay: 40, replications: 3, seed: 8);
        var snapshot = state.Apply(new PatientSnapshot(40.6, [], ["acute"]));

        // Against ordinary runs of the same seed: the midnight ending day 39 starts day 40.
        var runs = Replications.Run(net, new RunOptions { Warmup = Days.Of(30), Horizon = Days.Of(40), Replications = 3, Seed = 8 });
        int community = net.ServiceIndex("community");
        Assert.Equal(3, snapshot.Occupancy!.Count);
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(["community"], snapshot.Occupancy[r].Keys);
            Assert.Equal(runs[r].Census!.Occupied[community][39], snapshot.Occupancy[r]["community"]);
        }
        // Teeth: the community hospital (no start: of its own) is busy by then, so a state left at its start would differ.
        Assert.All(runs, r => Assert.True(r.Census!.Occupied[community][39] > 0));
        Assert.Throws<ArgumentException>(() => state.Apply(new PatientSnapshot(41.5, [])));
    }
}
