using Bedflow.Core.Model;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Model;

public class CapacityScheduleTests
{
    [Fact]
    public void A_schedule_gives_the_capacity_in_force_from_each_change_on()
    {
        var schedule = new CapacitySchedule(Capacity.Of(10), [(30.0, Capacity.Unlimited), (5.0, Capacity.Of(12))]);
        Assert.Equal([5.0, 30.0], schedule.Changes.Select(c => c.Day));
        Assert.Equal(Capacity.Of(10), schedule.At(-90));
        Assert.Equal(Capacity.Of(10), schedule.At(4.999));
        Assert.Equal(Capacity.Of(12), schedule.At(5));
        Assert.Equal(Capacity.Unlimited, schedule.At(30));
        Assert.True(schedule.IsEverUnlimited);
    }

    [Fact]
    public void A_schedule_is_ever_unlimited_only_when_one_of_its_capacities_is()
    {
        Assert.False(new CapacitySchedule(Capacity.Of(0), [(1.0, Capacity.Of(Capacity.MaxPlaces))]).IsEverUnlimited);
        Assert.True(new CapacitySchedule(Capacity.Unlimited).IsEverUnlimited);
        CapacitySchedule places = 954;
        Assert.Equal(Capacity.Of(954), places.Initial);
        Assert.Throws<ArgumentOutOfRangeException>(() => { CapacitySchedule negative = -1; });
    }
}
