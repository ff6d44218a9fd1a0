using System.Text.Json;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Register;

namespace Bedflow.Cli.Tests;

/// <summary>How a benchmark prints: reasons by their codes and organisations by the published columns' names, in text and JSON.</summary>
public class PublishedOutputTests
{
    private static readonly Benchmark Oxfordshire = new("E10000025", "Oxfordshire", "2017-04", "2017-04", 840,
        new Dictionary<DelayReason, long?>
        {
            [DelayReason.A] = 90, [DelayReason.B] = 0, [DelayReason.C] = 280, [DelayReason.Di] = 40, [DelayReason.Dii] = 70, [DelayReason.E] = 260,
            [DelayReason.F] = 5, [DelayReason.G] = 70, [DelayReason.H] = 0, [DelayReason.I] = 15, [DelayReason.O] = null,
        },
        new Dictionary<Responsibility, long?> { [Responsibility.Nhs] = 500, [Responsibility.SocialCare] = 200, [Responsibility.Both] = null },
        0, 2, 5, "delayed days", null, null);

    [Fact]
    public void The_text_names_reasons_by_code_and_organisations_as_the_published_columns_do()
    {
        using var output = new StringWriter();
        PublishedOutput.Benchmark(Oxfordshire, json: false, output);
        Assert.Equal(
            [
                "Oxfordshire (E10000025), 2017-04 to 2017-04: 840 delayed days; rank 2 of 5 by delayed days (1 = fewest).",
                "By reason: A 90, C 280, Di 40, Dii 70, E 260, F 5, G 70, I 15; no data for O.",
                "By organisation: NHS 500, Social Care 200, Both no data.",
            ],
            output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void The_json_keys_are_the_stable_codes_in_sitrep_order()
    {
        using var output = new StringWriter();
        PublishedOutput.Benchmark(Oxfordshire, json: true, output);
        using var doc = JsonDocument.Parse(output.ToString());
        Assert.Equal(["A", "B", "C", "Di", "Dii", "E", "F", "G", "H", "I", "O"], doc.RootElement.GetProperty("by_reason").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["nhs", "social_care", "both"], doc.RootElement.GetProperty("by_organisation").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("by_organisation").GetProperty("both").ValueKind);
        Assert.Equal(280, doc.RootElement.GetProperty("by_reason").GetProperty("C").GetInt64());
    }
}
