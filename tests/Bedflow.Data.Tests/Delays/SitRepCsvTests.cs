using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Delays;

namespace Bedflow.Data.Tests.Delays;

public class SitRepCsvTests
{
    private static readonly SitRepIdentity Oxford = new("Q87", "NHS ENGLAND SOUTH (SOUTH CENTRAL)", "RTH",
        "OXFORD UNIVERSITY HOSPITALS NHS FOUNDATION TRUST", "608", "OXFORDSHIRE");

    private static DelayRecord Record(SitRepBeds beds, DateTime ready, DateTime? exit, DelayReason reason, Responsibility who) => new()
    {
        Service = beds == SitRepBeds.Acute ? "acute" : "community_hospital",
        Beds = beds,
        Admitted = ready.AddDays(-3),
        Ready = ready,
        Exit = exit,
        Reasons = [new ReasonChange(ready, reason, who)],
    };

    [Fact]
    public void The_extract_layout_matches_the_hand_written_golden_file()
    {
        var counter = new DelayCounter(new(2016, 4, 1), new(2016, 4, 30));
        counter.AddRange(
        [
            Record(SitRepBeds.Acute, new(2016, 4, 27, 10, 0, 0), new(2016, 4, 29, 9, 0, 0), DelayReason.Di, Responsibility.SocialCare),
            Record(SitRepBeds.Acute, new(2016, 4, 1, 12, 0, 0), new(2016, 4, 4), DelayReason.C, Responsibility.Nhs),
            Record(SitRepBeds.NonAcute, new(2016, 4, 20, 8, 0, 0), null, DelayReason.E, Responsibility.Both),
            Record(SitRepBeds.NonAcute, new(2016, 4, 28, 23, 0, 0), new(2016, 4, 29), DelayReason.G, Responsibility.Nhs),
        ]);
        using var text = new StringWriter();
        SitRepCsv.Write(text, Oxford, SitRepRow.From([counter.Figures()]), "Delayed transfers of care: baseline (simulated by Bedflow)", "Mean of 1 replication");
        string golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Delays", "Golden", "sitrep-april-2016.csv"));
        Assert.Equal(golden.ReplaceLineEndings("\n"), text.ToString());
    }

    [Fact]
    public void Means_over_replications_keep_decimals_and_a_snapshot_outside_the_period_is_missing_not_zero()
    {
        // 1–20 April: April's last Thursday (the 28th) is outside the period.
        var a = new DelayCounter(new(2016, 4, 1), new(2016, 4, 20));
        a.Add(Record(SitRepBeds.Acute, new(2016, 4, 1, 12, 0, 0), new(2016, 4, 4), DelayReason.C, Responsibility.Nhs));
        var b = new DelayCounter(new(2016, 4, 1), new(2016, 4, 20));
        var rows = SitRepRow.From([a.Figures(), b.Figures()]);
        var c = rows.Single(r => r.Beds == SitRepBeds.Acute && r.Reason == DelayReason.C);
        Assert.Equal(1.5, c.Days[0]);
        Assert.Null(c.Patients[0]);
        using var text = new StringWriter();
        SitRepCsv.Write(text, Oxford, rows, "t", "n");
        Assert.Contains("Acute,C_FURTHER_NON_ACUTE_NHS,,1.5,,0,,0\n", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(22, rows.Count);
    }

    [Fact]
    public void Every_reason_has_its_published_extract_value()
    {
        Assert.Equal(
            ["A_COMPLETION_ASSESSMENT", "B_PUBLIC_FUNDING", "C_FURTHER_NON_ACUTE_NHS", "DI_RESIDENTIAL_HOME", "DII_NURSING_HOME", "E_CARE_PACKAGE_IN_HOME",
             "F_COMMUNITY_EQUIP_ADAPT", "G_PATIENT_FAMILY_CHOICE", "H_DISPUTES", "I_HOUSING", "O_OTHER"],
            SitRep.Reasons.Select(DelayReasonWords.ExtractValue));
    }
}
