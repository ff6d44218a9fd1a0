using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>
/// A distribution or a rate whose parameters its family refuses is a problem at the parameter's
/// key, returned as data by the family's own checks: no exception is thrown on the way, let alone caught.
/// </summary>
public class DistributionProblemTests
{
    private static string Replace(int line, string text)
    {
        var lines = ScenarioValidationTests.Valid.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    /// <summary>(line 10 = acute's length of stay, or another line) → key path, message, the text the column points at.</summary>
    public static TheoryData<string, string, string, string> Refused => new()
    {
        { Replace(10, "    length_of_stay: {exponential: {mean: 0d}}"), "services.acute.length_of_stay.exponential.mean",
            "mean must be a finite number greater than 0, but was 0.", "0d" },
        { Replace(10, "    length_of_stay: {lognormal: {mean: 3d, sd: 0d}}"), "services.acute.length_of_stay.lognormal.sd",
            "standard deviation must be a finite number greater than 0, but was 0.", "0d" },
        { Replace(10, "    length_of_stay: {uniform: {min: 5d, max: 2d}}"), "services.acute.length_of_stay.uniform.max",
            "max must be at least min (5), but was 2.", "2d" },
        { Replace(10, "    length_of_stay: {triangular: {min: 1d, mode: 9d, max: 5d}}"), "services.acute.length_of_stay.triangular.mode",
            "triangular needs min ≤ mode ≤ max, but got min 1, mode 9, max 5.", "9d" },
        { Replace(10, "    length_of_stay: {gamma: {shape: 0, scale: 2d}}"), "services.acute.length_of_stay.gamma.shape",
            "shape must be a finite number greater than 0, but was 0.", "0" },
        { Replace(10, "    length_of_stay: {weibull: {shape: 1, scale: 0d}}"), "services.acute.length_of_stay.weibull.scale",
            "scale must be a finite number greater than 0, but was 0.", "0d" },
        { Replace(10, "    length_of_stay: {erlang: {k: 0, mean: 3d}}"), "services.acute.length_of_stay.erlang.k",
            "the number of phases must be at least 1, but was 0.", "0" },
        { Replace(10, "    length_of_stay: {mixture: [{weight: 1, of: {deterministic: 2d}}, {weight: 0, of: {exponential: {mean: 3d}}}]}"),
            "services.acute.length_of_stay.mixture[1].weight", "mixture weights must be greater than 0, but weight 2 was 0.", "0" },
        { Replace(10, "    length_of_stay: {mixture: [{weight: 1, of: {lognormal: {mean: 3d, sd: 0d}}}]}"),
            "services.acute.length_of_stay.mixture[0].of.lognormal.sd", "standard deviation must be a finite number greater than 0, but was 0.", "0d" },
        { Replace(10, "    length_of_stay:\n      default: {exponential: {mean: 3d}}\n      all: {exponential: {mean: 0d}}"), "services.acute.length_of_stay.all.exponential.mean",
            "mean must be a finite number greater than 0, but was 0.", "0d" },
        { Replace(10, "    length_of_stay: {exponential: {mean: 3d}}\n    demand: {empirical: [3, -1]}"), "services.acute.demand.empirical[1]",
            "empirical values must be finite and at least 0, but value 2 was -1.", "-1" },
        { Replace(14, "    length_of_stay: {exponential: {mean: 10d}}\n    choice: {share: 10%, wait: {exponential: {mean: 0d}}}"),
            "services.intermediate_care.choice.wait.exponential.mean", "mean must be a finite number greater than 0, but was 0.", "0d" },
        { ScenarioValidationTests.Valid + "\ninterventions:\n  pilot:\n    from: 2016-05-01\n    to: 2016-05-20\n    length_of_stay: {acute: {exponential: {mean: 0d}}}\n",
            "interventions.pilot.length_of_stay.acute.exponential.mean", "mean must be a finite number greater than 0, but was 0.", "0d" },
        { Replace(18, "    rate: 5/d\n    monthly: [1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2]"), "arrivals.ed.monthly",
            "month factors must average 1 (within 0.01), but average 1.2.", "monthly:" },
        { Replace(18, "    rate: 5/d\n    weekday: [1, 1, -1, 1, 1, 1, 3]"), "arrivals.ed.weekday[2]",
            "weekday factors must be finite numbers of at least 0, but factor 3 was -1.", "-1" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_distribution_or_rate_its_family_refuses_is_a_problem_at_the_parameter_with_no_exception_on_the_way(string text, string path, string message, string pointsAt)
    {
        var (load, thrown) = ParseWatchingForArgumentExceptions(text);
        Assert.Empty(thrown);
        Assert.False(load.IsValid);
        var p = Assert.Single(load.Problems);
        Assert.Equal(path, p.Path);
        Assert.Equal(message, p.Message);
        Assert.StartsWith(pointsAt, text.Split('\n')[p.Line - 1][(p.Column - 1)..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_distribution_a_variant_sets_is_refused_at_the_variants_own_line()
    {
        string text = ScenarioValidationTests.Valid + "\nvariants:\n  instant:\n    set:\n      services.acute.length_of_stay: {exponential: {mean: 0d}}\n";
        var (load, thrown) = ParseWatchingForArgumentExceptions(text);
        Assert.Empty(thrown);
        var p = Assert.Single(load.Problems);
        Assert.Equal((25, "variants.instant.set.services.acute.length_of_stay.exponential.mean"), (p.Line, p.Path));
        Assert.Equal("in variant 'instant', which sets services.acute.length_of_stay: mean must be a finite number greater than 0, but was 0.", p.Message);
        Assert.StartsWith("0d", text.Split('\n')[p.Line - 1][(p.Column - 1)..], StringComparison.Ordinal);
    }

    [Fact]
    public void The_watch_for_exceptions_has_teeth()
    {
        var thrown = new List<Exception>();
        void Record(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e) => thrown.Add(e.Exception);
        AppDomain.CurrentDomain.FirstChanceException += Record;
        try
        {
            Assert.ThrowsAny<ArgumentException>(() => Core.Distributions.Distribution.Exponential(0));
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Record;
        }
        Assert.Contains(thrown, e => e is ArgumentException);
    }

    /// <summary>Reads the text and lists every ArgumentException thrown on this thread meanwhile, caught or not.</summary>
    private static (ScenarioLoad Load, List<Exception> Thrown) ParseWatchingForArgumentExceptions(string text)
    {
        var thrown = new List<Exception>();
        int thread = Environment.CurrentManagedThreadId;
        void Record(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is ArgumentException && Environment.CurrentManagedThreadId == thread)
            {
                thrown.Add(e.Exception);
            }
        }
        AppDomain.CurrentDomain.FirstChanceException += Record;
        try
        {
            return (ScenarioFile.Parse(text, "tiny.yaml"), thrown);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Record;
        }
    }
}
