using Bedflow.Core.Model;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>
/// The engine's problems carry model paths; the loader places each in the file through the table
/// the reader fills in (<see cref="ModelPlaces"/>). Broken files, and broken networks read from
/// real files, are placed at the key (or value) that is wrong.
/// </summary>
public partial class ModelPlacesTests
{
    private static string Replace(int line, string text)
    {
        var lines = ScenarioValidationTests.Valid.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    private static string Add(int after, string text)
    {
        var lines = ScenarioValidationTests.Valid.Split('\n').ToList();
        lines.Insert(after, text);
        return string.Join('\n', lines);
    }

    /// <summary>What the engine finds in a broken file: the key path and line expected, and the text the column points at.</summary>
    public static TheoryData<string, string, int, string> Broken => new()
    {
        { Replace(20, "  acute: {home: 0.83, intermediate_care: 0.1}"), "routing.acute", 20, "acute:" },
        { Replace(20, "  acute: {home: 0.9, intermediate_cre: 0.1}"), "routing.acute.intermediate_cre", 20, "intermediate_cre:" },
        { Replace(17, "    service: acute_ward"), "arrivals.ed.service", 17, "acute_ward" },
        { Replace(13, "    capacity: 5\n    commissioner: social_care"), "services.intermediate_care.commissioner", 14, "social_care" },
        { Add(9, "    queue_limit: -1"), "services.acute.queue_limit", 10, "-1" },
        { Add(9, "    escalation: {beds: 2, open_at: 120%, close_below: 50%}"), "services.acute.escalation.open_at", 10, "120%" },
        { Replace(9, "    capacity: unlimited\n    escalation: {beds: 2, open_at: 90%, close_below: 50%}"), "services.acute.escalation", 10, "escalation:" },
        { Add(9, "    accepts: {days: weekdays, from: 18, to: 9}"), "services.acute.accepts.to", 10, "9}" },
        { Add(9, "    start: {occupied: 25}"), "services.acute.start.occupied", 10, "25}" },
        { Add(9, "    start:\n      occupied: 5\n      groups: {young: 1}"), "services.acute.start.groups.young", 12, "young:" },
        { Add(13, "    choice: {share: 150%, wait: {exponential: {mean: 5d}}}"), "services.intermediate_care.choice.share", 14, "150%" },
        { Add(18, "    groups: {all: 0.5}"), "arrivals.ed.groups", 19, "groups:" },
        { Add(18, "    divert_to: intermediate_care"), "arrivals.ed.divert_to", 19, "intermediate_care" },
        { Add(18, "    redirect: {to: nowhere, share: 10%}"), "arrivals.ed.redirect.to", 19, "nowhere" },
        { Add(5, "exits: [home, acute]"), "exits[1]", 6, "acute]" },
        { Add(5, "groups: [all, all]"), "groups[1]", 6, "all]" },
        { Add(5, "child_groups: [kids]"), "child_groups[0]", 6, "kids]" },
        { Add(5, "population: {total: 100, adults: 200}"), "population", 6, "population:" },
        { Add(5, "lead_commissioner: both"), "lead_commissioner", 6, "both" },
        { Replace(14, "    length_of_stay: {deterministic: 0d}").Replace("intermediate_care: {home: 1}", "intermediate_care: {home: 0.5, intermediate_care: 0.5}", StringComparison.Ordinal),
            "routing.intermediate_care", 21, "intermediate_care:" },
        { ScenarioValidationTests.Valid + "\ninterventions:\n  pilot:\n    from: 2016-05-01\n    to: 2016-05-20\n    routing: {acute: {home: 0.5}}\n",
            "interventions.pilot.routing.acute", 26, "acute:" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_problem_the_engine_finds_in_a_file_points_at_the_key_that_is_wrong(string text, string path, int line, string pointsAt)
    {
        var load = ScenarioFile.Parse(text, "tiny.yaml");
        Assert.False(load.IsValid);
        var p = Assert.Single(load.Problems, p => p.Path == path && !p.IsWarning);
        Assert.Equal(line, p.Line);
        Assert.StartsWith(pointsAt, text.Split('\n')[p.Line - 1][(p.Column - 1)..], StringComparison.Ordinal);
    }
}
