using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Vocabulary;

/// <summary>
/// The spellings of commissioners, kinds, pathways and delay bands, written out here as scenario
/// files, results JSON and the faces hold them (not derived from the tables or the enums).
/// </summary>
public class ServiceWordsTests
{
    [Theory]
    [InlineData(Commissioner.Nhs, "nhs", "NHS", "NHS", "NHS", "NHS commissioner")]
    [InlineData(Commissioner.SocialCare, "social_care", "Social care", "council", "Council", "council")]
    [InlineData(Commissioner.Pooled, "pooled", "Pooled fund", "pooled fund", "Pooled fund", "pooled fund")]
    public void A_commissioner_has_its_code_and_the_words_each_face_uses(Commissioner who, string code, string display, string partner, string heading, string organisation)
    {
        Assert.Equal(code, CommissionerWords.Code(who));
        Assert.Equal(display, CommissionerWords.Display(who));
        Assert.Equal(partner, CommissionerWords.Partner(who));
        Assert.Equal(heading, CommissionerWords.PartnerHeading(who));
        Assert.Equal(organisation, CommissionerWords.Organisation(who));
    }

    [Fact]
    public void The_kinds_are_listed_by_their_scenario_codes() =>
        Assert.Equal(
            ["acute", "community_hospital", "intermediate_care", "step_up", "reablement", "home_care", "residential_home", "nursing_home", "assessment", "mental_health", "equipment", "other"],
            ServiceKindWords.Table.Codes);

    [Theory]
    [InlineData(ServiceKind.Acute, "acute", "Acute")]
    [InlineData(ServiceKind.CommunityHospital, "community_hospital", "Community hospital")]
    [InlineData(ServiceKind.StepUp, "step_up", "Step-up beds")]
    [InlineData(ServiceKind.MentalHealth, "mental_health", "Mental health")]
    public void A_kind_has_its_code_and_its_board_pack_label(ServiceKind kind, string code, string display)
    {
        Assert.Equal(code, ServiceKindWords.Code(kind));
        Assert.Equal(display, ServiceKindWords.Display(kind));
    }

    [Fact]
    public void The_pathways_are_P0_to_P3_and_none_is_no_pathway()
    {
        Assert.Equal(["P0", "P1", "P2", "P3"], DischargePathwayWords.Table.Codes);
        Assert.Equal("P2", DischargePathwayWords.Code(DischargePathway.P2));
        Assert.Equal("none", DischargePathwayWords.None);
        Assert.False(DischargePathwayWords.Table.TryParse(DischargePathwayWords.None, out _));
    }

    [Fact]
    public void The_bands_have_hyphens_in_their_codes_and_en_dashes_for_people()
    {
        Assert.Equal(["0", "1", "2-3", "4-6", "7-13", "14-20", "21+"], DelayBandWords.Table.Codes);
        Assert.Equal(["0", "1", "2\u20133", "4\u20136", "7\u201313", "14\u201320", "21+"], DelayBandWords.Table.Rows.Select(r => r.Display));
        Assert.Equal("7-13", DelayBandWords.Code(DelayBand.SevenToThirteen));
        Assert.Equal("14\u201320", DelayBandWords.Display(DelayBand.FourteenToTwenty));
    }
}
