using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using CsCheck;

namespace Bedflow.Core.Tests.Distributions;

/// <summary>The families' checks as data: the same rules the factories throw on, each problem naming its parameter.</summary>
public class DistributionProblemsTests
{
    public static TheoryData<string> Cases => ["exponential mean 0", "lognormal sd negative", "uniform max < min", "triangular mode outside", "gamma shape NaN",
        "weibull scale infinite", "erlang phases 0", "deterministic negative", "empirical empty", "empirical value 2 negative", "mixture weight 2 zero"];

    private static (IReadOnlyList<DistributionProblem> Problems, DistributionParameter Parameter, int? Index) Case(string which) => which switch
    {
        "exponential mean 0" => (DistributionProblems.Exponential(0), DistributionParameter.Mean, null),
        "lognormal sd negative" => (DistributionProblems.LogNormal(5, -1), DistributionParameter.StandardDeviation, null),
        "uniform max < min" => (DistributionProblems.Uniform(5, 2), DistributionParameter.Max, null),
        "triangular mode outside" => (DistributionProblems.Triangular(1, 9, 5), DistributionParameter.Mode, null),
        "gamma shape NaN" => (DistributionProblems.Gamma(double.NaN, 1), DistributionParameter.Shape, null),
        "weibull scale infinite" => (DistributionProblems.Weibull(1, double.PositiveInfinity), DistributionParameter.Scale, null),
        "erlang phases 0" => (DistributionProblems.Erlang(0, 3), DistributionParameter.Phases, null),
        "deterministic negative" => (DistributionProblems.Deterministic(-1), DistributionParameter.Value, null),
        "empirical empty" => (DistributionProblems.Empirical([]), DistributionParameter.Values, null),
        "empirical value 2 negative" => (DistributionProblems.Empirical([3, -1]), DistributionParameter.Values, 1),
        "mixture weight 2 zero" => (DistributionProblems.Mixture([1, 0]), DistributionParameter.Weight, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_parameter_is_one_problem_naming_it(string which)
    {
        var (problems, parameter, index) = Case(which);
        var p = Assert.Single(problems);
        Assert.Equal((parameter, index), (p.Parameter, p.Index));
        Assert.Matches("must|needs", p.Message);
    }

    [Fact]
    public void A_problem_is_placed_below_the_distribution_it_belongs_to()
    {
        var stay = ModelPath.Service("acute").Member(nameof(ServiceDefinition.LengthOfStay));
        Assert.Equal("services[acute].lengthOfStay.standardDeviation", ModelProblem.Of(stay, DistributionProblems.LogNormal(5, 0)[0]).Path.ToString());
        Assert.Equal("services[acute].lengthOfStay.values[1]", ModelProblem.Of(stay, DistributionProblems.Empirical([3, -1])[0]).Path.ToString());
        Assert.Equal("services[acute].lengthOfStay.parts[1].weight", ModelProblem.Of(stay, DistributionProblems.Mixture([1, 0])[0]).Path.ToString());
        Assert.Equal("services[acute].lengthOfStay.parts[0].component.mean", stay.Parameter(DistributionParameter.Component, 0).Parameter(DistributionParameter.Mean).ToString());
        Assert.Equal("mean must be a finite number greater than 0, but was 0.", ModelProblem.Of(stay, DistributionProblems.Exponential(0)[0]).Message);
    }

    private static readonly Gen<double> AnyDouble = Gen.OneOf(Gen.Double[-5, 10], Gen.Const(0.0), Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity), Gen.Const(double.NegativeInfinity));

    private static bool Accepted(Func<Distribution> make)
    {
        try
        {
            make();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [Fact]
    public void A_factory_accepts_exactly_the_values_its_checks_find_nothing_wrong_with()
    {
        Gen.Select(AnyDouble, AnyDouble, AnyDouble, Gen.Int[-2, 5]).Sample((a, b, c, k) =>
            (DistributionProblems.Exponential(a).Count == 0) == Accepted(() => Distribution.Exponential(a))
            && (DistributionProblems.Deterministic(a).Count == 0) == Accepted(() => Distribution.Deterministic(a))
            && (DistributionProblems.Uniform(a, b).Count == 0) == Accepted(() => Distribution.Uniform(a, b))
            && (DistributionProblems.Triangular(a, b, c).Count == 0) == Accepted(() => Distribution.Triangular(a, b, c))
            && (DistributionProblems.LogNormal(a, b).Count == 0) == Accepted(() => Distribution.LogNormal(a, b))
            && (DistributionProblems.Gamma(a, b).Count == 0) == Accepted(() => Distribution.Gamma(a, b))
            && (DistributionProblems.Weibull(a, b).Count == 0) == Accepted(() => Distribution.Weibull(a, b))
            && (DistributionProblems.Erlang(k, a).Count == 0) == Accepted(() => Distribution.Erlang(k, a))
            && (DistributionProblems.Empirical([a, b]).Count == 0) == Accepted(() => Distribution.Empirical([a, b]))
            && (DistributionProblems.Mixture([a, b]).Count == 0) == Accepted(() => Distribution.Mixture([(a, Distribution.Deterministic(1)), (b, Distribution.Deterministic(2))])));
    }

    [Fact]
    public void Every_family_accepts_some_values_and_refuses_others()
    {
        // The property above has teeth only if both sides happen.
        Assert.Empty(DistributionProblems.Triangular(1, 2, 5));
        Assert.NotEmpty(DistributionProblems.Triangular(2, 2, 2));
        Assert.Empty(DistributionProblems.Erlang(3, 2));
        Assert.Empty(DistributionProblems.Mixture([0.3, 0.7]));
    }
}
