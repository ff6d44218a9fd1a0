using Bedflow.Core.Statistics;

namespace Bedflow.Core.Tests.Support;

/// <summary>
/// The pass/fail rule for simulated-against-exact checks. A plain "inside the 95% interval"
/// check fails at random or passes anything when the interval is wide, so: the run must be
/// precise (95% half-width at most 2% of the exact value) and the exact value must lie in the
/// 99.9% interval. Seeds are fixed, so each check is deterministic.
/// </summary>
internal static class ExactAssert
{
    public static void Matches(double exact, IEnumerable<double> perReplication, string what, double maxRelativeHalfWidth = 0.02)
    {
        var values = perReplication.ToList();
        var e95 = Estimate.Of(values);
        var e999 = Estimate.Of(values, 0.999);
        Assert.True(e95.HalfWidth is not null, $"{what}: no interval ({e95.Count} replications).");
        Assert.True(e95.HalfWidth!.Value <= maxRelativeHalfWidth * Math.Abs(exact),
            $"{what}: the run is not precise enough to test: 95% half-width {e95.HalfWidth:G4} is more than {maxRelativeHalfWidth:P0} of exact {exact:G6}.");
        Assert.True(e999.Covers(exact),
            $"{what}: exact {exact:G6} is outside the 99.9% interval {e999.Mean:G6} ± {e999.HalfWidth:G4} (95%: ± {e95.HalfWidth:G4}).");
    }
}
