using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Vocabulary;

public class SitRepCodesTests
{
    [Fact]
    public void Every_value_has_its_fixed_code_and_reads_back()
    {
        // The codes are data in registers: written out here, not derived from the enums.
        Assert.Equal(["A", "B", "C", "Di", "Dii", "E", "F", "G", "H", "I", "O"], SitRep.Reasons.Select(SitRepCodes.Code));
        Assert.Equal(["nhs", "social_care", "both"], SitRep.Responsibilities.Select(SitRepCodes.Code));
        Assert.Equal(["none", "acute", "non_acute"], Enum.GetValues<SitRepBeds>().Select(SitRepCodes.Code));
        Assert.All(SitRep.Reasons, r => Assert.Equal(r, SitRepCodes.Reason(SitRepCodes.Code(r))));
        Assert.All(SitRep.Responsibilities, r => Assert.Equal(r, SitRepCodes.Responsible(SitRepCodes.Code(r))));
        Assert.All(Enum.GetValues<SitRepBeds>(), b => Assert.Equal(b, SitRepCodes.Beds(SitRepCodes.Code(b))));
    }

    [Theory]
    [InlineData("Social Care", Responsibility.SocialCare)]
    [InlineData("NHS", Responsibility.Nhs)]
    [InlineData(" both ", Responsibility.Both)]
    public void The_published_display_forms_read_as_their_organisation(string text, Responsibility expected) =>
        Assert.Equal(expected, SitRepCodes.Responsible(text));

    [Theory]
    [InlineData("SocialCare")]
    [InlineData("council")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_an_organisation(string? text) => Assert.Null(SitRepCodes.Responsible(text));
}
