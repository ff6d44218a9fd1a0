using Bedflow.Core.Model;

namespace Bedflow.Core.Tests.Vocabulary;

/// <summary>The spellings of the model's other choices, written out here as scenario files and the board pack hold them.</summary>
public class ModelWordsTests
{
    [Fact]
    public void An_arrival_kind_has_its_code_and_its_board_pack_label()
    {
        Assert.Equal(["emergency", "planned"], ArrivalKindWords.Table.Codes);
        Assert.Equal("emergency", ArrivalKindWords.Display(ArrivalKind.Emergency)); // in running text: "ed into acute, 180.0 a day (emergency)"
        Assert.Equal("planned", ArrivalKindWords.Display(ArrivalKind.Planned));
        Assert.Equal("planned", ArrivalKindWords.Code(ArrivalKind.Planned));
    }

    [Fact]
    public void The_waiting_priorities_moving_on_and_roles_have_their_scenario_codes()
    {
        Assert.Equal(["blocked_first", "queued_first", "first_come_first_served"], WaitingPriorityWords.Table.Codes);
        Assert.Equal("first_come_first_served", WaitingPriorityWords.Code(WaitingPriority.FirstComeFirstServed));
        Assert.Equal(["keep_place", "release_place"], MovingOnWords.Table.Codes);
        Assert.Equal("release_place", MovingOnWords.Code(MovingOn.ReleasePlace));
        Assert.Equal(["place", "resource"], ServiceRoleWords.Table.Codes);
        Assert.Equal("resource", ServiceRoleWords.Code(ServiceRole.Resource));
    }
}
