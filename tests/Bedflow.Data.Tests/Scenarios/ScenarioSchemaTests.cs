using System.Text.Json;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>The JSON Schema editors use says what the reader accepts: the same keys, no more, no fewer.</summary>
public class ScenarioSchemaTests
{
    private static JsonElement Schema()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(OxfordshireExampleTests.RepoFile("schemas", "scenario.schema.json")));
        return doc.RootElement.Clone();
    }

    private static string[] Keys(JsonElement obj) => [.. obj.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order()];

    [Fact]
    public void The_schema_lists_exactly_the_keys_the_reader_accepts()
    {
        var schema = Schema();
        Assert.Equal(ScenarioReader.TopKeys.Order(), Keys(schema));
        Assert.Equal(ScenarioReader.ServiceKeys.Order(), Keys(schema.GetProperty("$defs").GetProperty("service")));
        Assert.Equal(ScenarioReader.ArrivalKeys.Order(), Keys(schema.GetProperty("$defs").GetProperty("arrival")));
        var prices = schema.GetProperty("properties").GetProperty("prices");
        Assert.Equal(ScenarioReader.PriceListKeys.Order(), Keys(prices));
        Assert.Equal(ScenarioReader.UnmetKeys.Order(), Keys(prices.GetProperty("properties").GetProperty("unmet")));
        Assert.Equal(ScenarioReader.PriceKeys.Order(), Keys(schema.GetProperty("$defs").GetProperty("service_prices")));
    }

    [Fact]
    public void The_schema_lists_the_optimise_section_and_its_levers_keys_as_the_reader_does()
    {
        var optimise = Schema().GetProperty("properties").GetProperty("optimise");
        Assert.Equal(ScenarioReader.OptimiseKeys.Order(), Keys(optimise));
        Assert.Equal(ScenarioReader.LeverKeys.Order(), Keys(optimise.GetProperty("properties").GetProperty("levers").GetProperty("additionalProperties")));
    }

    [Fact]
    public void The_schema_bounds_the_decision_section_as_the_reader_does()
    {
        var decision = Schema().GetProperty("properties").GetProperty("decision");
        Assert.Equal(ScenarioReader.DecisionKeys.Order(), Keys(decision));
        var codes = Core.Experiments.HarmMeasureWords.Table.Codes.Order().ToList();
        var tolerance = decision.GetProperty("properties").GetProperty("tolerance");
        Assert.Equal(codes, Keys(tolerance));
        Assert.All(tolerance.GetProperty("properties").EnumerateObject(), m =>
        {
            Assert.Equal(0, m.Value.GetProperty("minimum").GetDouble());
            Assert.Equal(ScenarioReader.MaxTolerance, m.Value.GetProperty("maximum").GetDouble());
        });
        var allow = decision.GetProperty("properties").GetProperty("allow");
        Assert.True(allow.GetProperty("uniqueItems").GetBoolean()); // the reader refuses a measure listed twice
        Assert.Equal(codes, allow.GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order());
    }

    [Fact]
    public void The_schema_names_every_distribution_family_the_reader_knows()
    {
        var families = Schema().GetProperty("$defs").GetProperty("distribution").GetProperty("oneOf").EnumerateArray()
            .Select(f => f.GetProperty("required")[0].GetString()).Order();
        Assert.Equal(DistributionReader.Families.Order(), families);
    }
}
