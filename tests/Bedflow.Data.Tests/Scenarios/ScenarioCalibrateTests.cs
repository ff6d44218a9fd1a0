using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>The calibrate: section: the unknown parameters and their ranges, and every way to get it wrong.</summary>
public class ScenarioCalibrateTests
{
    private static ScenarioLoad Load(string section) => ScenarioFile.Parse(ScenarioValidationTests.Valid + "\n" + section, "calibrate.yaml");

    [Fact]
    public void Each_parameter_is_read_with_its_range_its_unit_and_its_current_value()
    {
        var load = Load("""
            calibrate:
              services.intermediate_care.capacity: {min: 2, max: 12}
              services.intermediate_care.length_of_stay.exponential.mean: {min: 2d, max: 3w}
            """);
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var unknown = load.Scenario!.Unknown;
        Assert.Equal(2, unknown.Count);
        Assert.Equal(("services.intermediate_care.capacity", 2.0, 12.0, "", true, 5.0), (unknown[0].Path, unknown[0].Min, unknown[0].Max, unknown[0].Unit, unknown[0].Whole, unknown[0].Current));
        Assert.Equal((2.0, 21.0, "d", false, 9.0), (unknown[1].Min, unknown[1].Max, unknown[1].Unit, unknown[1].Whole, unknown[1].Current));
        Assert.Equal("7", unknown[0].Text(6.6));
        Assert.Equal("12.5d", unknown[1].Text(12.5));
    }

    [Fact]
    public void A_share_of_delays_written_as_a_percentage_is_fitted_as_a_fraction_with_the_rest_to_another_organisation()
    {
        var load = ScenarioFile.Parse(ScenarioValidationTests.Valid.Replace("    kind: intermediate_care\n    capacity: 5", "    kind: reablement\n    capacity: 5\n    delays_responsible: {both: 40%, social_care: rest}", StringComparison.Ordinal) + """

            calibrate:
              services.intermediate_care.delays_responsible.both: {min: 0, max: 1}
            """, "calibrate.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        var share = Assert.Single(load.Scenario!.Unknown);
        Assert.Equal((0.0, 1.0, "", false, 0.4), (share.Min, share.Max, share.Unit, share.Whole, share.Current));
    }

    [Theory]
    [InlineData("  services.nowhere.capacity: {min: 1, max: 2}", "calibrate.services.nowhere.capacity", "is not a single value in this file")]
    [InlineData("  services.intermediate_care.length_of_stay: {min: 1d, max: 2d}", "calibrate.services.intermediate_care.length_of_stay", "is not a single value in this file")]
    [InlineData("  services.intermediate_care.capacity: {min: 5}", "calibrate.services.intermediate_care.capacity", "give the range as {min: …, max: …}")]
    [InlineData("  services.intermediate_care.capacity: {min: 9, max: 3}", "calibrate.services.intermediate_care.capacity", "the range must go from at least 0 up to a larger value")]
    [InlineData("  services.intermediate_care.capacity: {min: -1, max: 3}", "calibrate.services.intermediate_care.capacity", "the range must go from at least 0 up to a larger value")]
    [InlineData("  services.intermediate_care.capacity: {min: 1, max: 3, step: 1}", "calibrate.services.intermediate_care.capacity.step", "")]
    [InlineData("  services.intermediate_care.capacity: [1, 3]", "calibrate.services.intermediate_care.capacity", "")]
    [InlineData("  routing.acute.home: {min: 0.5, max: 1}", "calibrate.routing.acute.home", "a routing probability cannot be fitted on its own")]
    [InlineData("  services.intermediate_care.length_of_stay.exponential.mean: {min: two, max: 3d}", "calibrate.services.intermediate_care.length_of_stay.exponential.mean.min", "")]
    public void A_parameter_that_cannot_be_fitted_is_an_error_at_its_line(string line, string path, string says)
    {
        var load = Load("calibrate:\n" + line + "\n");
        Assert.False(load.IsValid);
        var problem = Assert.Single(load.Problems, p => !p.IsWarning);
        Assert.Equal(path, problem.Path);
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioValidationTests.Valid.Split('\n').Length + 2, problem.Line);
    }

    [Fact]
    public void A_calibrate_section_that_is_not_a_mapping_is_an_error()
    {
        var load = Load("calibrate: [services.intermediate_care.capacity]\n");
        Assert.False(load.IsValid);
        Assert.Contains(load.Problems, p => p.Path == "calibrate");
    }
}
