using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>What the scenario format means: units, capacity schedules with interventions, variants.</summary>
public class ScenarioFeatureTests
{
    private static Scenario Read(string yaml)
    {
        var load = ScenarioFile.Parse(yaml, "test.yaml");
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        return load.Scenario!;
    }

    private const string WithSchedule = ScenarioValidationTests.Valid + """

        interventions:
          winter:
            from: 2016-11-01
            to: 2017-03-31
            add_capacity: {intermediate_care: 3, acute: -5}
          extra:
            from: 2017-01-01
            to: 2017-01-31
            add_capacity: {intermediate_care: 2}
        """;

    [Fact]
    public void Interventions_add_to_the_capacity_schedule_while_in_force_and_to_each_other()
    {
        var yaml = WithSchedule.Replace("    capacity: 5\n", "    capacity: {initial: 5, changes: {2016-12-01: 8}}\n", StringComparison.Ordinal);
        var net = Read(yaml).Baseline;
        var ic = net.Services.Single(s => s.Name == "intermediate_care").Capacity;
        int Day(int y, int m, int d) => new DateOnly(y, m, d).DayNumber - new DateOnly(2016, 4, 1).DayNumber;
        Assert.Equal(Capacity.Of(5), ic.At(Day(2016, 10, 31)));
        Assert.Equal(Capacity.Of(8), ic.At(Day(2016, 11, 1)));   // 5 + winter 3
        Assert.Equal(Capacity.Of(11), ic.At(Day(2016, 12, 1)));  // schedule 8 + 3
        Assert.Equal(Capacity.Of(13), ic.At(Day(2017, 1, 15)));  // 8 + 3 + 2
        Assert.Equal(Capacity.Of(11), ic.At(Day(2017, 2, 1)));   // "to" is the last day in force
        Assert.Equal(Capacity.Of(11), ic.At(Day(2017, 3, 31)));
        Assert.Equal(Capacity.Of(8), ic.At(Day(2017, 4, 1)));
        var acute = net.Services.Single(s => s.Name == "acute").Capacity;
        Assert.Equal(Capacity.Of(15), acute.At(Day(2016, 12, 25)));
        Assert.Equal(Capacity.Of(20), acute.At(Day(2017, 4, 1)));
    }

    [Fact]
    public void Friendly_units_become_days_and_rates_per_day()
    {
        var s = Read(ScenarioValidationTests.Valid.Replace("warmup: 30d", "warmup: 6w", StringComparison.Ordinal).Replace("rate: 5/d", "rate: 35/w", StringComparison.Ordinal));
        Assert.Equal(42, s.Options.WarmupDays);
        Assert.Equal(5, s.Baseline.Arrivals[0].Rate.At(10), 9);
    }

    [Fact]
    public void A_variant_overrides_keys_by_path_removes_with_null_and_adds_interventions()
    {
        var yaml = WithSchedule + """

            variants:
              no_winter:
                description: Without the winter scheme.
                set:
                  interventions.winter: null
                  services.acute.capacity: 25
                add_interventions:
                  spring:
                    from: 2017-04-01
                    to: 2017-05-31
                    add_capacity: {acute: 1}
            """;
        var s = Read(yaml);
        var v = Assert.Single(s.Variants);
        Assert.Equal("no_winter", v.Name);
        var acute = v.Network.Services.Single(x => x.Name == "acute").Capacity;
        Assert.Equal(Capacity.Of(25), acute.At(300));    // winter's −5 gone
        Assert.Equal(Capacity.Of(26), acute.At(370));    // spring's +1
        Assert.Equal(Capacity.Of(20), s.Baseline.Services.Single(x => x.Name == "acute").Capacity.Initial); // the baseline is untouched
        Assert.Equal(["baseline", "no_winter"], s.AllVariants.Select(x => x.Name));
    }

    [Fact]
    public void A_sweep_makes_one_variant_per_value_and_a_redirected_share_splits_the_stream()
    {
        var yaml = ScenarioValidationTests.Valid
            .Replace("    rate: 5/d", "    rate: 5/d\n    redirect: {to: intermediate_care, share: 0}", StringComparison.Ordinal) + """

            variants:
              step_up:
                set: {services.intermediate_care.allow_overload: true}   # 5 beds cannot take a tenth of ed, let alone half
                sweep:
                  path: arrivals.ed.redirect.share
                  values: [10%, 0.5]
            """;
        var s = Read(yaml);
        Assert.Equal(["step_up[10%]", "step_up[0.5]"], s.Variants.Select(v => v.Name));
        var tenth = s.Variants[0].Network.Arrivals;
        Assert.Equal(4.5, tenth.Single(a => a.Name == "ed").Rate.At(3), 9);
        Assert.Equal(0.5, tenth.Single(a => a.Name == "ed_to_intermediate_care").Rate.At(3), 9);
        Assert.Equal(ServiceId.Of("intermediate_care"), tenth.Single(a => a.Name == "ed_to_intermediate_care").Service);
    }

    [Fact]
    public void Routing_and_length_of_stay_interventions_become_timed_changes()
    {
        var yaml = ScenarioValidationTests.Valid + """

            interventions:
              discharge_to_assess:
                from: 2016-06-01
                to: 2016-06-30
                routing: {acute: {home: 0.8, intermediate_care: 0.2}}
                length_of_stay: {acute: {exponential: {mean: 2d}}}
            """;
        var net = Read(yaml).Baseline;
        var r = Assert.Single(net.RoutingChanges);
        Assert.Equal((61, 91), (r.From, r.To));
        Assert.Equal("acute", r.Route.From);
        var st = Assert.Single(net.StayChanges);
        Assert.Equal(2, st.LengthOfStay.Mean, 9);
    }

    [Fact]
    public void Group_lengths_of_stay_routing_and_exits_with_pathways_are_read()
    {
        const string yaml = """
            name: Groups
            start: 2016-04-01
            horizon: 30d
            warmup: 30d
            groups: [frail, other]
            child_groups: [other]
            exits: {home: P0, died: none}
            population: {total: 1000, adults: 800}
            services:
              acute:
                kind: acute
                capacity: 15
                length_of_stay: {frail: {lognormal: {mean: 8d, sd: 4d}}, default: {exponential: {mean: 2d}}}
            arrivals:
              ed: {service: acute, rate: 3/d, groups: {frail: 30%, other: 70%}}
            routing:
              acute:
                frail: {home: 0.9, died: 0.1}
                other: {home: 1}
            """;
        var net = Read(yaml).Baseline;
        Assert.Equal(8, net.Services[0].LengthOfStayByGroup["frail"].Mean, 9);
        Assert.Equal(2, net.Services[0].LengthOfStay.Mean, 9);
        Assert.Equal(2, net.Routes.Count);
        Assert.Null(net.ExitPathways["died"]);
        Assert.Contains("other", net.ChildGroups);
        Assert.Equal(800, net.Population!.Adults);
        Assert.Equal(0.3, net.Arrivals[0].GroupMix["frail"], 9);
    }
}
