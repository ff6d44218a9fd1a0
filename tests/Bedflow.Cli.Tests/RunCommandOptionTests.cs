namespace Bedflow.Cli.Tests;

/// <summary>Bad options of `bedflow run` are said in plain words, without .NET type names.</summary>
public class RunCommandOptionTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("-1")]
    [InlineData("18446744073709551616", "*******616")] // ten or more digits echoed are masked, as anything that could be an NHS number
    public void A_seed_that_is_not_a_whole_number_gets_a_plain_message(string seed, string? echoed = null)
    {
        string path = Cli.WriteTiny();
        var (code, output, error) = Cli.Run("run", path, "--seed", seed, "--out", Cli.TempFolder());
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"bedflow: --seed must be a whole number from 0 to 18,446,744,073,709,551,615, but was '{echoed ?? seed}'.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("UInt64", error, StringComparison.Ordinal);
    }
}
