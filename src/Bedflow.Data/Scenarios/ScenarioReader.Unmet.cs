using Bedflow.Core.Finance;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Scenarios;

internal sealed partial class ScenarioReader
{
    internal static readonly string[] UnmetKeys = ["elective_turned_away", "hour_waiting_for_bed", "paid_by", "in_total"];

    /// <summary><c>prices.unmet</c>: the price of demand not met (docs/scenario-reference.md, "Unmet demand"); the defaults when absent.</summary>
    private UnmetDemandPrices ReadUnmet(YNode? node)
    {
        const string path = "prices.unmet";
        if (ctx.Map(node, path) is not { } m)
        {
            return new UnmetDemandPrices();
        }
        ctx.Keys(m, path, UnmetKeys);
        var paidBy = Commissioner.Nhs;
        if (ctx.Text(m["paid_by"], $"{path}.paid_by") is { } payer)
        {
            if (Partners.TryGetValue(payer, out var partner))
            {
                paidBy = partner;
            }
            else
            {
                ctx.Error(m["paid_by"], $"{path}.paid_by", $"unmet demand is borne by {string.Join(" or ", Partners.Keys)}, not '{ReadContext.Shown(payer)}'.{Suggest.DidYouMean(payer, Partners.Keys)}");
            }
        }
        bool inTotal = false;
        if (ctx.Text(m["in_total"], $"{path}.in_total") is { } text)
        {
            if (text is "true" or "false")
            {
                inTotal = text == "true";
            }
            else
            {
                ctx.Error(m["in_total"], $"{path}.in_total", $"expected true or false, but found '{ReadContext.Shown(text)}'.");
            }
        }
        return new UnmetDemandPrices
        {
            ElectiveTurnedAway = Pounds(m["elective_turned_away"], $"{path}.elective_turned_away"),
            HourWaitingForBed = Pounds(m["hour_waiting_for_bed"], $"{path}.hour_waiting_for_bed") ?? Core.Units.Money.Zero,
            PaidBy = paidBy,
            InTotal = inTotal,
        };
    }
}
