using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;

namespace Bedflow.Data.Scenarios;

internal sealed partial class ScenarioReader
{
    internal static readonly string[] DecisionKeys = ["objective", "tolerance", "allow", "within_budget"];

    /// <summary>The rules the appraisal follows (the <c>decision:</c> section, docs/scenario-reference.md); the defaults when absent.</summary>
    public DecisionRules Decision { get; private set; } = DecisionRules.Default;

    private void ReadDecision(YNode? node)
    {
        if (ctx.Map(node, "decision") is not { } map)
        {
            return;
        }
        ctx.Keys(map, "decision", DecisionKeys);
        var objective = ctx.Choice(map["objective"], "decision.objective", ObjectiveWords.Table);
        var tolerances = new Dictionary<HarmMeasure, double>();
        if (ctx.Map(map["tolerance"], "decision.tolerance") is { } tolerance)
        {
            foreach (var (key, value) in tolerance.Entries)
            {
                string path = $"decision.tolerance.{key.Value}";
                if (!HarmMeasureWords.Table.TryParse(key.Value, out var measure))
                {
                    ctx.Error(key, path, $"'{key.Value}' is not a harm measure; one of: {string.Join(", ", HarmMeasureWords.Table.Codes)}.{Suggest.DidYouMean(key.Value, HarmMeasureWords.Table.Codes)}");
                    continue;
                }
                if (ctx.Number(value, path) is { } amount)
                {
                    if (amount < 0 || !double.IsFinite(amount))
                    {
                        ctx.Error(value, path, $"a tolerance is how much worse the measure may be, at least 0, but was {amount}.");
                        continue;
                    }
                    tolerances[measure] = amount;
                }
            }
        }
        var allowed = new HashSet<HarmMeasure>();
        if (map["allow"] is { } allow)
        {
            if (allow is not YSeq seq)
            {
                ctx.Error(allow, "decision.allow", $"expected a list of harm measures, such as [waiting_for_acute_bed], but found {ReadContext.Describe(allow)}.");
            }
            else
            {
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    if (ctx.Choice(seq.Items[i], $"decision.allow[{i}]", HarmMeasureWords.Table) is { } measure)
                    {
                        allowed.Add(measure);
                    }
                }
            }
        }
        bool withinBudget = false;
        if (map["within_budget"] is { } within && ctx.Text(within, "decision.within_budget") is { } text)
        {
            if (text is "true" or "false")
            {
                withinBudget = text == "true";
            }
            else
            {
                ctx.Error(within, "decision.within_budget", $"expected true or false, but found '{text}'.");
            }
        }
        Decision = new DecisionRules { Objective = objective, Tolerances = tolerances, Allowed = allowed, WithinBudget = withinBudget };
    }
}
