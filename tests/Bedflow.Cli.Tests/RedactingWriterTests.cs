namespace Bedflow.Cli.Tests;

/// <summary>No message on standard error echoes an NHS number, whatever it was typed into.</summary>
public class RedactingWriterTests
{
    // Each of these printed the number before every message went through the redacting writer.
    [Theory]
    [InlineData("council", "E10000025", "--year", "2016/17", "--out", "x.yaml", "--population", "943 476 5919.csv")]
    [InlineData("backtest", "9434765919.yaml", "--la", "E10000025", "--fit", "2015-04..2016-03", "--test", "2016-04..2017-03")]
    [InlineData("forecast", "943-476-5919.yaml", "--as-of", "2016-12-05 09:00", "--db", "/nonexistent/r.db")]
    [InlineData("validate", "9434765919.yaml")]
    public void A_command_that_echoes_what_it_was_given_masks_an_nhs_number_in_it(params string[] args)
    {
        var (code, output, error) = Cli.Run(args);
        Assert.Equal(2, code);
        Assert.NotEqual("", error);
        // 943 476 5919 is a valid NHS number (modulus 11) in every grouping used above.
        Assert.DoesNotContain("476", error.Replace("*******919", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("4765919", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_written_in_pieces_is_masked_whole_and_other_text_is_kept_as_written()
    {
        using var inner = new StringWriter();
        using (var writer = new RedactingWriter(inner))
        {
            writer.Write("bedflow: no council '943 47");
            writer.Write("6 5919' on 2016-12-05 09:00, ");
            writer.WriteLine("10,082 places");
            writer.Write("progress 12%\r");
            Assert.Equal($"bedflow: no council '*******919' on 2016-12-05 09:00, 10,082 places{Environment.NewLine}progress 12%\r", inner.ToString());
            // A file name's random part is not a number typed on its own: kept.
            writer.WriteLine("/tmp/population-e2d61b5264414421a4771e38419.csv");
            writer.Write("last line without an end 9434765919");
        }
        Assert.EndsWith($"/tmp/population-e2d61b5264414421a4771e38419.csv{Environment.NewLine}last line without an end *******919", inner.ToString(), StringComparison.Ordinal);
    }
}
