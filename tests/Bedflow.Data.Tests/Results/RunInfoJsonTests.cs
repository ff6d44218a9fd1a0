using System.Text;
using Bedflow.Data.Results;

namespace Bedflow.Data.Tests.Results;

/// <summary>
/// run-info.json byte for byte on fixed inputs, against text written out by hand: key order,
/// two-space indentation, "\n" line ends, System.Text.Json's default escaping (every non-ASCII
/// character and HTML-sensitive ones as \uXXXX), and numbers in their shortest round-trip form.
/// </summary>
public class RunInfoJsonTests
{
    [Fact]
    public void A_run_is_written_in_the_documented_order_with_escaped_text_and_seconds_to_the_millisecond()
    {
        var run = new RunInfo(
            Scenario: "Oxfordshire & Bucks — \"winter\" <2016>",
            File: "/home/zoë/scenarios/oxon+bucks.yaml",
            Replications: 200,
            Seed: ulong.MaxValue,
            Elapsed: TimeSpan.FromTicks(123_456_789), // 12.3456789 s
            FinishedUtc: new DateTime(2016, 11, 24, 23, 59, 58, DateTimeKind.Utc).AddTicks(1_234_567),
            Host: "WARD-PC",
            Processors: 2,
            Threads: 1,
            BedflowVersion: "0.1.0+8683090",
            DotNet: "10.0.0",
            Os: "Ubuntu 24.04.1 LTS");

        Assert.Equal(
            "{\n"
            + "  \"scenario\": \"Oxfordshire \\u0026 Bucks \\u2014 \\u0022winter\\u0022 \\u003C2016\\u003E\",\n"
            + "  \"file\": \"/home/zo\\u00EB/scenarios/oxon\\u002Bbucks.yaml\",\n"
            + "  \"replications\": 200,\n"
            + "  \"seed\": 18446744073709551615,\n"
            + "  \"elapsed_seconds\": 12.346,\n"
            + "  \"finished_utc\": \"2016-11-24T23:59:58.1234567Z\",\n"
            + "  \"host\": \"WARD-PC\",\n"
            + "  \"processors\": 2,\n"
            + "  \"threads\": 1,\n"
            + "  \"bedflow_version\": \"0.1.0\\u002B8683090\",\n"
            + "  \"dotnet\": \"10.0.0\",\n"
            + "  \"os\": \"Ubuntu 24.04.1 LTS\"\n"
            + "}",
            Written(run));
    }

    [Fact]
    public void Whole_and_tiny_timings_are_plain_numbers_without_a_decimal_point()
    {
        var run = new RunInfo("Tiny", "/tmp/tiny.yaml", 1, 0, TimeSpan.FromSeconds(3), new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc), "h", 1, 1, "unknown", "10.0.1", "Linux");
        string json = Written(run);
        Assert.Contains("\n  \"seed\": 0,\n  \"elapsed_seconds\": 3,\n  \"finished_utc\": \"2020-01-02T03:04:05.0000000Z\",\n", json, StringComparison.Ordinal);

        // 0.4 ms rounds to 0; 90 minutes and 0.6 ms round up to the next millisecond.
        Assert.Contains("\n  \"elapsed_seconds\": 0,\n", Written(run with { Elapsed = TimeSpan.FromTicks(4_000) }), StringComparison.Ordinal);
        Assert.Contains("\n  \"elapsed_seconds\": 5400.001,\n", Written(run with { Elapsed = TimeSpan.FromTicks(54_000_006_000) }), StringComparison.Ordinal);
    }

    private static string Written(RunInfo run)
    {
        using var stream = new MemoryStream();
        RunInfoJson.Write(stream, run);
        byte[] bytes = stream.ToArray();
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");
        return Encoding.UTF8.GetString(bytes);
    }
}
