using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Cli.Tests;

/// <summary>
/// The register commands' --json documents byte for byte on fixed inputs, against text written
/// out by hand (figures counted by hand too): key order, indentation, nulls and number format.
/// </summary>
public partial class RegisterJsonTests
{
    /// <summary>Three delays in November 2016 (30 days; last Thursday the 24th), counted by hand below.</summary>
    private static MonthFigures November2016()
    {
        var counter = new DelayCounter(new DateOnly(2016, 11, 1), new DateOnly(2016, 11, 30));
        // Ready 20th, gone 23rd: the midnights of the 20th, 21st, 22nd = 3 days B (NHS); gone before the snapshot.
        counter.Add(Delay(SitRepBeds.Acute, new(2016, 11, 20, 10, 0, 0), new(2016, 11, 23, 14, 0, 0), (new(2016, 11, 20, 10, 0, 0), DelayReason.B, Responsibility.Nhs)));
        // Ready 3rd, gone 25th: the 3rd to the 24th = 22 days A (NHS); delayed at 24:00 on the 24th, the snapshot.
        counter.Add(Delay(SitRepBeds.Acute, new(2016, 11, 3, 8, 0, 0), new(2016, 11, 25, 11, 0, 0), (new(2016, 11, 3, 8, 0, 0), DelayReason.A, Responsibility.Nhs)));
        // Ready 28th, still there: the 28th = 1 day C (social care), then the 29th and 30th = 2 days G (both).
        counter.Add(Delay(SitRepBeds.NonAcute, new(2016, 11, 28, 9, 0, 0), null,
            (new(2016, 11, 28, 9, 0, 0), DelayReason.C, Responsibility.SocialCare), (new(2016, 11, 29, 12, 0, 0), DelayReason.G, Responsibility.Both)));
        // A child's delay is not counted.
        counter.Add(Delay(SitRepBeds.Acute, new(2016, 11, 1, 8, 0, 0), null, (new(2016, 11, 1, 8, 0, 0), DelayReason.A, Responsibility.Nhs)) with { Adult = false });
        return counter.Figures().Months[0];
    }

    [Fact]
    public void The_sitrep_month_is_its_totals_then_every_reason_and_organisation_in_sitrep_order()
    {
        // 3 + 22 + 1 + 2 = 28 delayed days; 28 / 30 = 0.9333… DTOC beds, in the shortest form that reads back the same double.
        string expected = """
            {
              "month": "2016-11",
              "delayed_days": 28,
              "dtoc_beds": 0.9333333333333333,
              "snapshot_date": "2016-11-24",
              "snapshot": 1,
              "by_reason": {
                "A": 22,
                "B": 3,
                "C": 1,
                "Di": 0,
                "Dii": 0,
                "E": 0,
                "F": 0,
                "G": 2,
                "H": 0,
                "I": 0,
                "O": 0
              },
              "by_organisation": {
                "nhs": 25,
                "social_care": 1,
                "both": 2
              }
            }

            """;
        Assert.Equal(Lines(expected), Printed(w => RegisterJson.SitRepMonth(w, November2016())));
    }

    [Fact]
    public void A_month_whose_last_thursday_is_outside_the_data_has_a_null_snapshot_date()
    {
        // 1 to 20 November 2016: the last Thursday (the 24th) is not covered.
        var counter = new DelayCounter(new DateOnly(2016, 11, 1), new DateOnly(2016, 11, 20));
        counter.Add(Delay(SitRepBeds.Acute, new(2016, 11, 19, 10, 0, 0), null, (new(2016, 11, 19, 10, 0, 0), DelayReason.Di, Responsibility.SocialCare)));
        string printed = Printed(w => RegisterJson.SitRepMonth(w, counter.Figures().Months[0]));
        // The 19th and 20th = 2 days over 20 days covered.
        Assert.StartsWith(Lines("""
            {
              "month": "2016-11",
              "delayed_days": 2,
              "dtoc_beds": 0.1,
              "snapshot_date": null,
              "snapshot": 0,
              "by_reason": {

            """), printed, StringComparison.Ordinal);
    }

    private static DelayRecord Delay(SitRepBeds beds, DateTime ready, DateTime? exit, params (DateTime From, DelayReason Reason, Responsibility Who)[] reasons) => new()
    {
        Service = "ward",
        Beds = beds,
        Admitted = ready.AddDays(-2),
        Ready = ready,
        Exit = exit,
        Reasons = [.. reasons.Select(r => new ReasonChange(r.From, r.Reason, r.Who))],
    };

    /// <summary>The text with this platform's line ends, as System.Text.Json and TextWriter.WriteLine write them.</summary>
    private static string Lines(string text) => text.ReplaceLineEndings(Environment.NewLine);

    private static string Printed(Action<TextWriter> print)
    {
        using var w = new StringWriter();
        print(w);
        return w.ToString();
    }
}
