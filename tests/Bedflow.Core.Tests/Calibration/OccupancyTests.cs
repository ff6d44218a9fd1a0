using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Calibration;

/// <summary>A service's occupancy from the register's stays, and its stretches free and full against a capacity that changes.</summary>
public class OccupancyTests
{
    private static readonly DateTime Day0 = new(2016, 4, 1);

    private static DelayRecord Stay(double from, double? to) => new()
    {
        Service = "rehab", Beds = SitRepBeds.NonAcute, Admitted = Day0.AddDays(from), Exit = to is { } t ? Day0.AddDays(t) : null,
    };

    [Fact]
    public void Occupancy_counts_the_stays_in_at_each_instant_exits_before_admissions_at_the_same_time()
    {
        var occupancy = Occupancy.Of([Stay(0, 2), Stay(1, 3), Stay(2, null)]);
        Assert.Equal(0, occupancy.At(Day0.AddDays(-1)));
        Assert.Equal(1, occupancy.At(Day0.AddDays(0.5)));
        Assert.Equal(2, occupancy.At(Day0.AddDays(1.5)));
        Assert.Equal(2, occupancy.At(Day0.AddDays(2))); // one out, one in
        Assert.Equal(1, occupancy.At(Day0.AddDays(3.5)));
    }

    [Fact]
    public void The_stretches_split_at_each_change_of_occupancy_or_capacity_and_are_full_at_or_over_capacity()
    {
        // Two beds until day 2, then one (a cut: the two patients stay, over capacity).
        var occupancy = Occupancy.Of([Stay(0, 4), Stay(1, 3)]);
        var capacity = new CapacitySchedule(Capacity.Of(2), [(2.0, Capacity.Of(1))]);
        var stretches = occupancy.Stretches(Day0.AddDays(0.5), Day0.AddDays(5), capacity, Day0)
            .Select(s => ((s.From - Day0).TotalDays, (s.To - Day0).TotalDays, s.Full)).ToList();
        Assert.Equal(
            [(0.5, 1.0, false), (1.0, 2.0, true), (2.0, 3.0, true), (3.0, 4.0, true), (4.0, 5.0, false)],
            stretches);
    }
}
