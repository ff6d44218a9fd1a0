using System.Reflection;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Tests.Statistics;

public class EstimateImmutabilityTests
{
    [Fact]
    public void No_code_outside_the_estimate_can_set_a_mean_or_an_interval()
    {
        foreach (var property in typeof(Estimate).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(property.SetMethod is null || !property.SetMethod.IsPublic, $"{property.Name} has a public setter or init accessor");
        }
        Assert.DoesNotContain(typeof(Estimate).GetConstructors(BindingFlags.Public | BindingFlags.Instance), c => c.GetParameters().Length == 0);
    }

    [Fact]
    public void Dividing_changes_mean_and_widths_together_and_keeps_widths_positive()
    {
        // 1, 2, 3: mean 2, sd 1, half-width t(0.975, 2) / √3 = 4.302652729749464 / 1.7320508075688772.
        var e = Estimate.Of([1.0, 2.0, 3.0]);
        var d = e.DividedBy(-2);
        Assert.Equal(-1.0, d.Mean, 12);
        Assert.Equal(0.5, d.StandardDeviation!.Value, 12);
        Assert.Equal(4.302652729749464 / 1.7320508075688772 / 2, d.HalfWidth!.Value, 9);
        Assert.Equal(3, d.Count);
        Assert.Null(Estimate.Of([5.0]).DividedBy(10).HalfWidth);
        Assert.ThrowsAny<ArgumentException>(() => e.DividedBy(0));
    }
}
