using System.Text.Json;
using Bedflow.Core.Model;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>
/// The words a scenario file uses for the model's choices come from one table per enum: the
/// schema editors use lists the same codes in the same order, the reader takes exactly those
/// (case matters) and names them all when it meets anything else.
/// </summary>
public class ScenarioWordsTests
{
    private static JsonElement Schema()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(OxfordshireExampleTests.RepoFile("schemas", "scenario.schema.json")));
        return doc.RootElement.Clone();
    }

    /// <summary>The schema's list of words at <paramref name="at"/>; a null (no value) as "(null)".</summary>
    private static string[] Listed(JsonElement at) => [.. at.GetProperty("enum").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? "(null)" : e.GetString()!)];

    [Fact]
    public void Every_choice_in_the_schema_lists_exactly_the_codes_of_its_table_in_its_order()
    {
        var defs = Schema().GetProperty("$defs");
        var service = defs.GetProperty("service").GetProperty("properties");
        Assert.Equal(ServiceKindWords.Table.Codes, Listed(service.GetProperty("kind")));
        Assert.Equal(WaitingPriorityWords.Table.Codes, Listed(service.GetProperty("priority")));
        Assert.Equal(MovingOnWords.Table.Codes, Listed(service.GetProperty("moving_on")));
        Assert.Equal(ServiceRoleWords.Table.Codes, Listed(service.GetProperty("role")));
        Assert.Equal(CommissionerWords.Table.Codes, Listed(service.GetProperty("commissioner")));
        // One organisation, or shares keyed by organisation.
        Assert.Equal(ResponsibilityWords.Table.Codes, Listed(service.GetProperty("delays_responsible").GetProperty("oneOf")[0]));
        Assert.Equal(ResponsibilityWords.Table.Codes, Listed(service.GetProperty("delays_responsible").GetProperty("oneOf")[1].GetProperty("propertyNames")));
        Assert.Equal(ResponsibilityWords.Table.Codes, Listed(service.GetProperty("choice").GetProperty("properties").GetProperty("responsible")));
        Assert.Equal(DelayReasonWords.Table.Codes, Listed(service.GetProperty("delay_reason")));
        Assert.Equal(SitRepBedsWords.Table.Codes, Listed(service.GetProperty("sitrep")));
        Assert.Equal(DischargePathwayWords.Table.Codes, Listed(service.GetProperty("pathway")));
        Assert.Equal(DayWords.Table.Codes, Listed(service.GetProperty("accepts").GetProperty("properties").GetProperty("days").GetProperty("oneOf")[1].GetProperty("items")));
        Assert.Equal(ArrivalKindWords.Table.Codes, Listed(defs.GetProperty("arrival").GetProperty("properties").GetProperty("kind")));
        Assert.Equal(CommissionerWords.Table.Codes, Listed(defs.GetProperty("intervention").GetProperty("properties").GetProperty("paid_by")));
        // An exit's pathway may also be none (no discharge) or empty (P0).
        Assert.Equal([.. DischargePathwayWords.Table.Codes, DischargePathwayWords.None, "(null)"],
            Listed(Schema().GetProperty("properties").GetProperty("exits").GetProperty("oneOf")[1].GetProperty("additionalProperties")));
        // The lead commissioner is one of the two partners: "both" reads, and the validator refuses it.
        Assert.Equal(["nhs", "social_care"], Listed(Schema().GetProperty("properties").GetProperty("lead_commissioner")));
    }

    [Fact]
    public void The_days_are_written_mon_to_sun_one_row_a_day()
    {
        Assert.Equal(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], DayWords.Table.Codes);
        Assert.Equal(Enum.GetValues<DayOfWeek>().Order(), DayWords.Table.Rows.Select(r => r.Value).Order());
        Assert.True(DayWords.Table.TryParse("sun", out var sunday));
        Assert.Equal(DayOfWeek.Sunday, sunday);
    }

    public static TheoryData<string, string, string> WrongCase => new()
    {
        { "    sitrep: Acute", "services.acute.sitrep", "'Acute' is not one of: acute, non_acute, none. Did you mean 'acute'?" },
        { "    delay_reason: di", "services.acute.delay_reason", "'di' is not one of: A, B, C, Di, Dii, E, F, G, H, I, O. Did you mean 'Di'?" },
        { "    delays_responsible: NHS", "services.acute.delays_responsible", "'NHS' is not one of: nhs, social_care, both. Did you mean 'nhs'?" },
        { "    priority: Blocked_First", "services.acute.priority", "'Blocked_First' is not one of: blocked_first, queued_first, first_come_first_served. Did you mean 'blocked_first'?" },
        { "    accepts: {days: [mon, Tue]}", "services.acute.accepts.days[1]", "'Tue' is not one of: mon, tue, wed, thu, fri, sat, sun. Did you mean 'tue'?" },
        { "    pathway: p2", "services.acute.pathway", "'p2' is not one of: P0, P1, P2, P3. Did you mean 'P2'?" },
    };

    [Theory]
    [MemberData(nameof(WrongCase))]
    public void A_code_in_another_case_is_not_read_and_the_message_lists_the_codes(string line, string path, string message)
    {
        var lines = ScenarioValidationTests.Valid.Split('\n');
        lines[8] += "\n" + line; // after line 9, "    capacity: 20"
        var load = ScenarioFile.Parse(string.Join('\n', lines), "tiny.yaml");
        var problem = Assert.Single(load.Problems, p => p.Path == path);
        Assert.Equal((10, message), (problem.Line, problem.Message));
    }

    [Fact]
    public void Every_code_of_every_choice_reads_as_its_member()
    {
        foreach (var row in ServiceKindWords.Table.Rows)
        {
            Assert.Equal(row.Value, Service("intermediate_care", $"    kind: {row.Code}", replace: 11).Kind);
        }
        foreach (var row in SitRepBedsWords.Table.Rows)
        {
            Assert.Equal(row.Value, Service("intermediate_care", $"    sitrep: {row.Code}").SitRep);
        }
        foreach (var row in DelayReasonWords.Table.Rows)
        {
            Assert.Equal(row.Value, Service("intermediate_care", $"    delay_reason: {row.Code}\n    delays_responsible: nhs").DelayReason);
        }
        Assert.Equal(Commissioner.Pooled, Service("intermediate_care", "    commissioner: pooled").Commissioner);
        Assert.Equal(ResponsibilityMix.Of(Responsibility.Both), Service("intermediate_care", "    kind: reablement\n    delays_responsible: both", replace: 11).DelaysResponsible);
        Assert.Equal(ResponsibilityMix.Of([new(Responsibility.Nhs, 0.25), new(Responsibility.SocialCare, 0.35), new(Responsibility.Both, 0.4)]),
            Service("intermediate_care", "    kind: reablement\n    delays_responsible: {nhs: 25%, social_care: 0.35, both: 40%}", replace: 11).DelaysResponsible);
        // "rest" takes what the others leave, so one share can be varied or calibrated alone.
        Assert.Equal(ResponsibilityMix.Of([new(Responsibility.Nhs, 0.75), new(Responsibility.Both, 0.25)]),
            Service("intermediate_care", "    kind: reablement\n    delays_responsible: {nhs: rest, both: 25%}", replace: 11).DelaysResponsible);
        Assert.Equal(MovingOn.ReleasePlace, Service("intermediate_care", "    moving_on: release_place").MovingOn);
        Assert.Equal(WaitingPriority.FirstComeFirstServed, Service("intermediate_care", "    priority: first_come_first_served").Priority);
        Assert.Equal(DischargePathway.P3, Service("intermediate_care", "    pathway: P3").Pathway);
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Saturday], Service("intermediate_care", "    accepts: {days: [sat, sun]}").Accepts!.Days.Order());
    }

    /// <summary>The service as read with <paramref name="lines"/> after line 13 (its capacity), or instead of line <paramref name="replace"/> + 1.</summary>
    private static ServiceDefinition Service(string name, string lines, int? replace = null)
    {
        var text = ScenarioValidationTests.Valid.Split('\n');
        if (replace is { } r)
        {
            text[r] = lines;
        }
        else
        {
            text[12] += "\n" + lines;
        }
        var load = ScenarioFile.Parse(string.Join('\n', text), "tiny.yaml");
        Assert.True(load.Problems.All(p => p.IsWarning), string.Join("\n", load.Problems));
        return load.Scenario!.Baseline.Services.Single(s => s.Name == name);
    }
}
