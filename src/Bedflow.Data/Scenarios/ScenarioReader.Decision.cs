using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;

namespace Bedflow.Data.Scenarios;

internal sealed partial class ScenarioReader
{
    internal static readonly string[] DecisionKeys = ["objective", "tolerance", "allow", "within_budget"];

    /// <summary>
    /// The largest tolerance accepted, in any measure's units: beyond it no option could ever be
    /// worse (the busiest unstable Oxfordshire option waits about 17 million patient-hours a year),
    /// so the check would be switched off — which is what <c>allow</c> is for, in the open.
    /// </summary>
    internal const double MaxTolerance = 1e9;

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
                string path = $"decision.tolerance.{ReadContext.Shown(key.Value)}";
                if (!HarmMeasureWords.Table.TryParse(key.Value, out var measure))
                {
                    ctx.Error(key, path, $"'{ReadContext.Shown(key.Value)}' is not a harm measure; one of: {string.Join(", ", HarmMeasureWords.Table.Codes)}.{Suggest.DidYouMean(key.Value, HarmMeasureWords.Table.Codes)}");
                    continue;
                }
                if (value is YScalar { IsNull: true })
                {
                    ctx.Error(value, path, $"no tolerance given for '{key.Value}': write how much worse it may be, in the measure's own units, such as 2 — or remove the line for the default.");
                    continue;
                }
                if (ctx.Number(value, path) is { } amount)
                {
                    if (amount < 0)
                    {
                        ctx.Error(value, path, $"a tolerance is how much worse the measure may be, at least 0, but was {amount}.");
                        continue;
                    }
                    if (amount > MaxTolerance)
                    {
                        ctx.Error(value, path, $"a tolerance of {amount:G3} is more than the measure could ever worsen by, so it would switch the check off: list '{key.Value}' under decision.allow instead, to accept it worsening in the open.");
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
                    string path = $"decision.allow[{i}]";
                    if (seq.Items[i] is YScalar { IsNull: true })
                    {
                        ctx.Error(seq.Items[i], path, "expected a harm measure here, but found nothing.");
                    }
                    else if (ctx.Choice(seq.Items[i], path, HarmMeasureWords.Table) is { } measure && !allowed.Add(measure))
                    {
                        ctx.Error(seq.Items[i], path, $"'{HarmMeasureWords.Table[measure].Code}' is listed twice.");
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
                ctx.Error(within, "decision.within_budget", $"expected true or false, but found '{ReadContext.Shown(text)}'.");
            }
        }
        Decision = new DecisionRules { Objective = objective, Tolerances = tolerances, Allowed = allowed, WithinBudget = withinBudget };
    }
}
