namespace Bedflow.Data.Tests.Register;

/// <summary>When the PostgreSQL tests may be skipped: only when no server is reachable and none is required.</summary>
public class PostgresFactTests
{
    private const string Unreachable = "PostgreSQL is not reachable";

    [Theory]
    [InlineData(null, null)]
    [InlineData("false", null)]
    [InlineData("", "0")]
    public void An_unreachable_server_outside_ci_skips_the_test_with_the_reason(string? ci, string? require) =>
        Assert.Equal(Unreachable, PostgresFactAttribute.SkipReason(Unreachable, ci, require));

    [Theory]
    [InlineData("true", null)]
    [InlineData("True", null)]
    [InlineData("1", null)]
    [InlineData(null, "1")]
    [InlineData("false", "1")]
    public void An_unreachable_server_in_ci_or_under_ci_run_is_a_failure_not_a_skip(string? ci, string? require) =>
        Assert.Null(PostgresFactAttribute.SkipReason(Unreachable, ci, require));

    [Fact]
    public void A_reachable_server_always_runs_the_test() =>
        Assert.Null(PostgresFactAttribute.SkipReason(null, null, null));
}
