using Bedflow.Core.Units;
using CsCheck;

namespace Bedflow.Core.Tests.Units;

public class CapacityTests
{
    [Fact]
    public void Unlimited_is_equal_to_no_number_of_places()
    {
        Gen.Int[0, Capacity.MaxPlaces].Sample(places =>
        {
            Assert.NotEqual(Capacity.Unlimited, Capacity.Of(places));
            Assert.False(Capacity.Unlimited == Capacity.Of(places));
            Assert.False(Capacity.Of(places).IsUnlimited);
        });
        Assert.Equal(Capacity.Unlimited, Capacity.Unlimited);
        Assert.True(Capacity.Unlimited.IsUnlimited);
        Assert.Equal(Capacity.Unlimited.GetHashCode(), Capacity.Unlimited.GetHashCode());
        // The default is a closed service, not no limit.
        Assert.Equal(Capacity.Of(0), default);
        Assert.NotEqual(Capacity.Unlimited, default);
    }

    [Fact]
    public void The_old_sentinel_is_not_unlimited_but_refused_as_too_many_places()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Capacity.Of(int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => Capacity.Of(Capacity.MaxPlaces + 1));
        Assert.Equal(1_000_000_000, Capacity.Of(Capacity.MaxPlaces).Places);
    }

    [Fact]
    public void A_negative_number_of_places_is_refused_with_its_name_and_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Capacity.Of(-1));
        Assert.Equal("places", e.ParamName);
        Assert.StartsWith("places must be 0 to 1000000000, but was -1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unlimited_capacity_has_no_number_of_places()
    {
        Assert.Throws<InvalidOperationException>(() => Capacity.Unlimited.Places);
        Assert.False(Capacity.Unlimited.TryGetPlaces(out _));
        Assert.True(Capacity.Of(954).TryGetPlaces(out int places));
        Assert.Equal(954, places);
        Assert.Equal(954, Capacity.Of(954).Places);
    }

    [Fact]
    public void Capacities_are_ordered_by_places_with_unlimited_above_them_all()
    {
        var shuffled = new[] { Capacity.Of(12), Capacity.Unlimited, Capacity.Of(0), Capacity.Of(954), Capacity.Of(3) };
        Assert.Equal([Capacity.Of(0), Capacity.Of(3), Capacity.Of(12), Capacity.Of(954), Capacity.Unlimited], shuffled.Order());
        Assert.True(Capacity.Of(Capacity.MaxPlaces) < Capacity.Unlimited);
        Assert.True(Capacity.Unlimited > Capacity.Of(Capacity.MaxPlaces));
        Assert.True(Capacity.Unlimited >= Capacity.Unlimited && Capacity.Unlimited <= Capacity.Unlimited);
        Assert.False(Capacity.Unlimited < Capacity.Unlimited);
        Assert.True(Capacity.Of(3) <= Capacity.Of(3) && Capacity.Of(3) >= Capacity.Of(3) && Capacity.Of(2) < Capacity.Of(3));
        Assert.Equal(1, Capacity.Of(0).CompareTo(null));
        Assert.Throws<ArgumentException>(() => Capacity.Of(0).CompareTo(0));
    }

    [Fact]
    public void Places_added_to_a_finite_capacity_add_and_unlimited_stays_unlimited()
    {
        Assert.Equal(Capacity.Of(28), Capacity.Of(20) + 8);
        Assert.Equal(Capacity.Of(15), Capacity.Of(20).Plus(-5));
        Assert.Equal(Capacity.Unlimited, Capacity.Unlimited + 8);
        Assert.Equal(Capacity.Unlimited, Capacity.Unlimited + int.MinValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => Capacity.Of(2) + -3);
        Assert.Throws<ArgumentOutOfRangeException>(() => Capacity.Of(Capacity.MaxPlaces) + 1);
        // No sum reaches unlimited, however large.
        Assert.Throws<ArgumentOutOfRangeException>(() => Capacity.Of(1) + int.MaxValue);
    }

    [Fact]
    public void A_capacity_reads_as_unlimited_or_its_places()
    {
        Assert.Equal("unlimited", Capacity.Unlimited.ToString());
        Assert.Equal("12", Capacity.Of(12).ToString());
        Assert.Equal("1000000", Capacity.Of(1_000_000).ToString());
    }
}
