using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Vocabulary;

/// <summary>
/// The SitRep vocabulary's spellings, written out here as files and registers hold them (not
/// derived from the tables or the enums): a change here is a change of a file format or of what
/// people read.
/// </summary>
public class SitRepWordsTests
{
    [Fact]
    public void The_reasons_are_listed_in_sitrep_order_by_their_codes() =>
        Assert.Equal(["A", "B", "C", "Di", "Dii", "E", "F", "G", "H", "I", "O"], DelayReasonWords.Table.Codes);

    [Theory]
    [InlineData(DelayReason.A, "A", "Awaiting completion of assessment", "A_COMPLETION_ASSESSMENT", "Awaiting completion of assessment")]
    [InlineData(DelayReason.C, "C", "Awaiting further non-acute NHS care", "C_FURTHER_NON_ACUTE_NHS", "Awaiting further NHS non-acute care")]
    [InlineData(DelayReason.Dii, "Dii", "Awaiting nursing home placement or availability", "DII_NURSING_HOME", "Awaiting nursing home placement or availability")]
    [InlineData(DelayReason.I, "I", "Housing", "I_HOUSING", "Housing - Patients not covered by NHS and Community Care Act")]
    [InlineData(DelayReason.O, "O", "Other", "O_OTHER", "Other")]
    public void A_reason_has_its_code_description_extract_value_and_published_column(DelayReason reason, string code, string description, string extract, string published)
    {
        var row = DelayReasonWords.Table[reason];
        Assert.Equal((code, description, extract, published), (row.Code, row.Description, row.ExtractValue, row.PublishedColumn));
        Assert.Equal(code, DelayReasonWords.Code(reason));
        Assert.Equal(description, DelayReasonWords.Description(reason));
        Assert.Equal(extract, DelayReasonWords.ExtractValue(reason));
    }

    [Fact]
    public void A_reason_is_labelled_by_its_code_and_description() =>
        Assert.Equal("B: Awaiting public funding", DelayReasonWords.Label(DelayReason.B));

    [Fact]
    public void No_two_reasons_share_an_extract_value_or_a_published_column()
    {
        Assert.Equal(11, DelayReasonWords.Table.Rows.Select(r => r.ExtractValue).Distinct().Count());
        Assert.Equal(11, DelayReasonWords.Table.Rows.Select(r => r.PublishedColumn).Distinct().Count());
    }

    [Theory]
    [InlineData(Responsibility.Nhs, "nhs", "NHS", "the NHS")]
    [InlineData(Responsibility.SocialCare, "social_care", "Social Care", "social care")]
    [InlineData(Responsibility.Both, "both", "Both", "both")]
    public void An_organisation_has_its_code_extract_column_and_phrase(Responsibility who, string code, string column, string phrase)
    {
        Assert.Equal(code, ResponsibilityWords.Code(who));
        Assert.Equal(column, ResponsibilityWords.ExtractColumn(who));
        Assert.Equal(phrase, ResponsibilityWords.Phrase(who));
    }

    [Fact]
    public void The_organisations_are_listed_in_sitrep_column_order() =>
        Assert.Equal(["nhs", "social_care", "both"], ResponsibilityWords.Table.Codes);

    [Theory]
    [InlineData(SitRepBeds.Acute, "acute", "Acute", "Acute")]
    [InlineData(SitRepBeds.NonAcute, "non_acute", "Non-Acute", "Non-acute")]
    [InlineData(SitRepBeds.None, "none", null, "Not counted")]
    public void A_bed_type_has_its_code_extract_value_and_display(SitRepBeds beds, string code, string? extract, string display)
    {
        Assert.Equal(code, SitRepBedsWords.Code(beds));
        Assert.Equal(extract, SitRepBedsWords.ExtractValue(beds));
        Assert.Equal(display, SitRepBedsWords.Display(beds));
    }

    [Fact]
    public void The_bed_types_are_listed_counted_ones_first() =>
        Assert.Equal(["acute", "non_acute", "none"], SitRepBedsWords.Table.Codes);
}
