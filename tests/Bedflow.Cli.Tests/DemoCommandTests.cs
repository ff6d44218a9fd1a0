namespace Bedflow.Cli.Tests;

public class DemoCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = BedflowApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Demo_prints_every_service_with_confidence_intervals_and_says_it_is_a_demo()
    {
        var (code, output, error) = Run("demo", "--replications", "3", "--warmup-years", "1", "--seed", "7");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("built-in county network", output, StringComparison.Ordinal);
        foreach (string service in new[] { "acute", "community_hospital", "intermediate_care", "step_up", "reablement", "home_care", "residential_home", "nursing_home" })
        {
            Assert.Contains(service, output, StringComparison.Ordinal);
        }
        Assert.Contains("±", output, StringComparison.Ordinal);
        Assert.Contains("3 replications, seed 7", output, StringComparison.Ordinal);
        Assert.Contains("Delayed days a year", output, StringComparison.Ordinal);
        Assert.Contains("Delayed days per 1,000 adults a year", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_output_is_the_same_for_the_same_seed_whatever_the_threads()
    {
        static string Table(string output) => string.Join('\n', output.Split('\n').Where(l => !l.StartsWith("Reported", StringComparison.Ordinal)));
        var one = Run("demo", "--replications", "3", "--warmup-years", "1", "--threads", "1");
        var two = Run("demo", "--replications", "3", "--warmup-years", "1", "--threads", "2");
        Assert.Equal(Table(one.Out), Table(two.Out));
    }

    [Theory]
    [InlineData("demo --replications 0", "--replications must be a whole number of at least 1")]
    [InlineData("demo --replications many", "many")]
    [InlineData("demo --seed text", "bedflow: --seed must be a whole number from 0 to 18,446,744,073,709,551,615, but was 'text'.")]
    [InlineData("demo --unknown", "--unknown")]
    [InlineData("simulate", "simulate")]
    public void Bad_arguments_exit_with_code_2_and_a_message_without_a_stack_trace(string args, string mentioned)
    {
        var (code, output, error) = Run(args.Split(' '));
        Assert.Equal(2, code);
        Assert.Contains(mentioned, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }
}
