using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>Fitted values put into the user's own file: in place, with their source, the rest as written.</summary>
public class ScenarioPatchTests
{
    private const string File = """
        name: T   # a tiny county
        services:
          acute:
            capacity: 20   # beds
            length_of_stay:
              exponential: {mean: 3d}   # assumed
            kind: acute
          ic:
            capacity: 3
            length_of_stay: {exponential: {mean: 8d}}
        arrivals:
          ed: {service: acute, rate: 5/d}
        routing:
          acute: {home: 0.9, ic: 0.1}
        """;

    [Fact]
    public void Values_are_replaced_or_added_in_place_with_their_source_and_the_rest_is_left_as_written()
    {
        string patched = ScenarioPatch.Apply(File,
        [
            new("services.acute.length_of_stay", "{gamma: {shape: 2, scale: 1.5d}}", "fitted: n=120"),
            new("services.ic.capacity", "4", "from the register"),
            new("services.ic.kind", "intermediate_care", "added"),
            new("arrivals.ed.monthly", "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]", "fitted: 365 days"),
            new("routing.acute", "{home: 0.85, ic: 0.15}", "fitted: n=300"),
        ]);
        Assert.Equal("""
            name: T   # a tiny county
            services:
              acute:
                capacity: 20   # beds
                length_of_stay:
                  # length_of_stay fitted: n=120
                  {gamma: {shape: 2, scale: 1.5d}}   # assumed
                kind: acute
              ic:
                capacity: 4  # from the register
                length_of_stay: {exponential: {mean: 8d}}
                kind: intermediate_care  # added
            arrivals:
              ed: {service: acute, rate: 5/d, monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}  # fitted: 365 days
            routing:
              acute: {home: 0.85, ic: 0.15}  # fitted: n=300
            """, patched);
    }

    [Fact]
    public void A_value_inside_a_flow_mapping_or_before_the_users_comment_gets_its_source_on_the_line_above_replaced_by_a_later_fit()
    {
        const string file = """
            services:
              ic:
                capacity: 7   # beds the council funds
                length_of_stay: {exponential: {mean: 8d}}
            """;
        ScenarioEdit[] Fit(string capacity, string mean, string n) =>
        [
            new("services.ic.capacity", capacity, $"fitted to the published months: {n}"),
            new("services.ic.length_of_stay.exponential.mean", mean, $"fitted to the published months: {n}"),
        ];
        string once = ScenarioPatch.Apply(file, Fit("9", "6.5d", "90 candidates"));
        Assert.Equal("""
            services:
              ic:
                # capacity fitted to the published months: 90 candidates
                capacity: 9   # beds the council funds
                # mean fitted to the published months: 90 candidates
                length_of_stay: {exponential: {mean: 6.5d}}
            """, once);
        // Fitted again: the sources are replaced, not piled up; the user's comment stays.
        Assert.Equal("""
            services:
              ic:
                # capacity fitted to the published months: 110 candidates
                capacity: 10   # beds the council funds
                # mean fitted to the published months: 110 candidates
                length_of_stay: {exponential: {mean: 7d}}
            """, ScenarioPatch.Apply(once, Fit("10", "7d", "110 candidates")));
        // A value alone on its line takes its source after it, and a later fit's replaces it.
        string alone = ScenarioPatch.Apply("a:\n  b: 1\n", [new("a.b", "2", "fitted: first")]);
        Assert.Equal("a:\n  b: 3  # fitted: second\n", ScenarioPatch.Apply(alone, [new("a.b", "3", "fitted: second")]));
    }

    [Fact]
    public void The_patched_file_is_still_a_scenario_the_reader_accepts()
    {
        string patched = ScenarioPatch.Apply(ScenarioValidationTests.Valid,
        [
            new("services.acute.length_of_stay", "{gamma: {shape: 2, scale: 1.5d}}", "fitted"),
            new("arrivals.ed.weekday", "[1.2, 1.1, 1, 1, 1, 0.85, 0.85]", "fitted"),
        ]);
        string path = Path.Combine(Path.GetTempPath(), $"patched-{Guid.NewGuid():N}.yaml");
        System.IO.File.WriteAllText(path, patched);
        var load = ScenarioFile.Load(path);
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        Assert.Equal(3.0, load.Scenario!.Baseline.Services[0].LengthOfStay.Mean, 9);
        Assert.Contains("    weekday: [1.2, 1.1, 1, 1, 1, 0.85, 0.85]  # fitted\n", patched, StringComparison.Ordinal);
        System.IO.File.Delete(path);
    }

    [Theory]
    [InlineData("nowhere.acute.capacity")]
    [InlineData("name.x")]
    public void A_path_whose_parent_is_not_a_mapping_in_the_file_is_refused(string path)
    {
        var e = Assert.Throws<ArgumentException>(() => ScenarioPatch.Apply(File, [new(path, "1", "x")]));
        Assert.Contains("is not a mapping in the file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_over_two_lines_or_a_path_edited_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ScenarioPatch.Apply(File, [new("services.ic.capacity", "4\nkind: x", "c")]));
        Assert.Throws<ArgumentException>(() => ScenarioPatch.Apply(File, [new("services.ic.capacity", "4", "c"), new("services.ic.capacity", "5", "c")]));
    }
    [Fact]
    public void A_value_shared_through_a_yaml_anchor_is_refused_not_rewritten_in_the_wrong_place()
    {
        const string anchored = "services:\n  a: {los: &shared {exponential: {mean: 3d}}}\n  b: {los: *shared}\n";
        var e = Assert.Throws<ArgumentException>(() => ScenarioPatch.Apply(anchored, [new("services.b.los", "{exponential: {mean: 4d}}", "fitted")]));
        Assert.Contains("anchor or alias", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ScenarioPatch.Apply(anchored, [new("services.a.los", "{exponential: {mean: 4d}}", "fitted")]));
    }

    [Fact]
    public void An_edit_a_comment_would_swallow_is_refused_rather_than_lost_or_breaking_the_file()
    {
        const string commented = "routing:\n  a: {b: 0.5,\n    c: 0.5  # {x} note\n    }\n";
        Assert.Throws<ArgumentException>(() => ScenarioPatch.Apply(commented, [new("routing.a", "{b: 0.4, c: 0.6}", "fitted")]));
        Assert.Throws<ArgumentException>(() => ScenarioPatch.Apply(commented, [new("routing.a.d", "0.1", "fitted")]));
    }

    [Fact]
    public void A_key_added_after_a_folded_block_value_goes_into_its_own_mapping()
    {
        const string folded = "arrivals:\n  s1:\n    service: a\n    note: >\n      long text\n      folded\n  s2:\n    service: b\n";
        string patched = ScenarioPatch.Apply(folded, [new("arrivals.s1.rate", "5/d", "fitted")]);
        Assert.Equal("5/d", ScenarioPatch.Value(patched, "arrivals.s1.rate"));
        Assert.Null(ScenarioPatch.Value(patched, "arrivals.s2.rate"));
    }

    [Fact]
    public void A_file_with_windows_line_ends_keeps_them_on_every_line()
    {
        string crlf = File.Replace("\n", "\r\n", StringComparison.Ordinal);
        string patched = ScenarioPatch.Apply(crlf, [new("services.ic.capacity", "4", "fitted"), new("services.ic.kind", "intermediate_care", "added")]);
        Assert.DoesNotContain("\n", patched.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("4", ScenarioPatch.Value(patched, "services.ic.capacity"));
        Assert.Equal("intermediate_care", ScenarioPatch.Value(patched, "services.ic.kind"));
    }
}
