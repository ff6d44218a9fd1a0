using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>Fitted values written in the file's own syntax.</summary>
public class CalibrationEditsTests
{
    [Theory]
    [InlineData(new[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 }, new[] { 3334, 3333, 3333 })]
    [InlineData(new[] { 0.60004, 0.19998, 0.19998 }, new[] { 6000, 2000, 2000 })]
    [InlineData(new[] { 0.0, 0.0 }, new[] { 5000, 5000 })]
    [InlineData(new[] { 0.123456, 0.0, 0.876544 }, new[] { 1235, 0, 8765 })]
    public void Probabilities_rounded_to_four_decimals_still_sum_to_exactly_one(double[] shares, int[] expected)
    {
        int[] units = CalibrationEdits.SumTo(shares, 10_000);
        Assert.Equal(expected, units);
        Assert.Equal(10_000, units.Sum());
    }
}
