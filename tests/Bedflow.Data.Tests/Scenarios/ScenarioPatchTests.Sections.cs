using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>Entries of a top-level section whose keys hold dots (uncertainty:): added with the section, replaced, removed.</summary>
public class ScenarioPatchSectionTests
{
    private const string File = """
        name: T   # a tiny county
        start: 2016-04-01
        horizon: 30d
        services:
          acute:
            capacity: 20   # beds
            length_of_stay: {gamma: {shape: 2, scale: 1.5d}}
        arrivals:
          ed: {service: acute, rate: 5/d}
        routing:
          acute: {home: 1}
        # the end
        """;

    [Fact]
    public void An_entry_of_a_missing_section_adds_the_section_at_the_end_of_the_top_level_with_the_entry_under_it()
    {
        string patched = ScenarioPatch.Apply(File,
            [ScenarioEdit.Entry("uncertainty", "services.acute.length_of_stay.gamma.scale", "{mean: 1.5d, ci95: [1.4d, 1.6d]}", "fitted: n=300")]);
        Assert.Equal("""
            name: T   # a tiny county
            start: 2016-04-01
            horizon: 30d
            services:
              acute:
                capacity: 20   # beds
                length_of_stay: {gamma: {shape: 2, scale: 1.5d}}
            arrivals:
              ed: {service: acute, rate: 5/d}
            routing:
              acute: {home: 1}
            uncertainty:
              services.acute.length_of_stay.gamma.scale: {mean: 1.5d, ci95: [1.4d, 1.6d]}  # fitted: n=300
            # the end
            """, patched);
        Assert.True(ScenarioFile.Parse(patched, "t.yaml").Scenario is { Uncertainty.Count: 1 }, string.Join("\n", ScenarioFile.Parse(patched, "t.yaml").Problems));
    }

    [Fact]
    public void An_entry_already_there_is_replaced_in_place_and_a_new_one_goes_at_the_end_of_the_section()
    {
        string once = ScenarioPatch.Apply(File, [ScenarioEdit.Entry("uncertainty", "routing.acute", "{n: 40}", "fitted: first")]);
        string twice = ScenarioPatch.Apply(once,
        [
            ScenarioEdit.Entry("uncertainty", "routing.acute", "{n: 80}", "fitted: second"),
            ScenarioEdit.Entry("uncertainty", "services.acute.capacity", "{min: 18, max: 24}", "fitted: range"),
        ]);
        Assert.Equal(["routing.acute", "services.acute.capacity"], ScenarioPatch.EntryKeys(twice, "uncertainty"));
        Assert.Contains("  routing.acute: {n: 80}  # fitted: second\n  services.acute.capacity: {min: 18, max: 24}  # fitted: range\n", twice, StringComparison.Ordinal);
        Assert.DoesNotContain("first", twice, StringComparison.Ordinal);
        Assert.Single(twice.Split('\n'), l => l == "uncertainty:");
    }

    [Fact]
    public void An_entry_is_removed_with_its_line_and_the_rest_of_the_file_left_as_written_line_ends_and_all()
    {
        string two = ScenarioPatch.Apply(File,
        [
            ScenarioEdit.Entry("uncertainty", "routing.acute", "{n: 40}", "fitted: n"),
            ScenarioEdit.Entry("uncertainty", "services.acute.capacity", "{min: 18, max: 24}", "fitted: range"),
        ]);
        string one = ScenarioPatch.Remove(two, "uncertainty", "routing.acute");
        Assert.Equal(two.Replace("  routing.acute: {n: 40}  # fitted: n\n", "", StringComparison.Ordinal), one);
        string crlf = ScenarioPatch.Remove(two.Replace("\n", "\r\n", StringComparison.Ordinal), "uncertainty", "routing.acute");
        Assert.Equal(one.Replace("\n", "\r\n", StringComparison.Ordinal), crlf);
    }

    [Theory]
    [InlineData("uncertainty:\n  routing.acute: {n: 40}\n", "routing.acute")]                                     // the only entry: the section would be empty
    [InlineData("uncertainty: {routing.acute: {n: 40}, services.acute.capacity: {min: 1, max: 2}}\n", "routing.acute")] // a flow section
    [InlineData("uncertainty:\n  routing.acute: {n: 40}\n  services.acute.capacity: {min: 1, max: 2}\n", "routing.other")] // not there
    public void An_entry_that_cannot_be_removed_cleanly_is_refused(string section, string key)
    {
        Assert.Throws<ArgumentException>(() => ScenarioPatch.Remove(File + "\n" + section, "uncertainty", key));
    }
}
