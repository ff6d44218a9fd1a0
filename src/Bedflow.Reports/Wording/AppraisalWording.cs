using System.Globalization;
using Bedflow.Core.Decisions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Reports.Wording;

/// <summary>An option's appraisal in words, for every face (the run table, the board pack, results.json's reasons stay data). Invariant culture. Thread-safe.</summary>
public static class AppraisalWording
{
    /// <summary>A few words: "acceptable", "acceptable; dominated by X", "not acceptable", "unstable".</summary>
    public static string Standing(Appraisal appraisal)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        if (appraisal.Unstable)
        {
            return "unstable: not recommendable";
        }
        if (appraisal.Reasons.OfType<NoInterval>().Any())
        {
            return "not judged (one replication)";
        }
        if (!appraisal.Acceptable)
        {
            return "not acceptable";
        }
        return appraisal.Reasons.OfType<DominatedBy>().FirstOrDefault() is { } d ? $"acceptable; dominated by {d.By}" : "acceptable";
    }

    /// <summary>The reasons behind an option's standing, a sentence each (none when it is acceptable and undominated).</summary>
    public static IEnumerable<string> Why(Appraisal appraisal)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        foreach (var reason in appraisal.Reasons)
        {
            if (Sentence(reason) is { } text)
            {
                yield return $"{appraisal.Variant}: {text}";
            }
        }
    }

    /// <summary>
    /// One line for an option that is not acceptable, dominated or unstable: its standing and the
    /// first few reasons in the appraisal's order ("pilot_stopped: not acceptable — elective patients
    /// admitted fall (−1,868 a year), … and 3 more"); null when there is nothing to say.
    /// </summary>
    public static string? Summary(Appraisal appraisal, int most = 3)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        var phrases = appraisal.Reasons.Select(Phrase).OfType<string>().ToList();
        if (phrases.Count == 0)
        {
            return null;
        }
        string shown = string.Join("; ", phrases.Take(most));
        string more = phrases.Count > most ? Inv($"; and {phrases.Count - most} more (see results.json)") : "";
        return $"{appraisal.Variant}: {Standing(appraisal)} — {shown}{more}.";
    }

    private static string? Phrase(VerdictReason reason) => reason switch
    {
        Overloads o => Overload(o).TrimEnd('.'),
        HarmWorse h => Inv($"{Lower(HarmMeasureWords.Display(h.Measure))} {Direction(h.Measure)} ({Amount(h.Difference.Mean, h.Measure, signed: true)})"),
        HarmAllowed h => Inv($"{Lower(HarmMeasureWords.Display(h.Measure))} {Direction(h.Measure)} ({Amount(h.Difference.Mean, h.Measure, signed: true)}, allowed)"),
        DelaysRise d => Inv($"delayed days rise ({-d.DelayedDaysAvoided.Mean:N0} a year)"),
        OverBudget b => Inv($"over the {CommissionerWords.Organisation(b.Organisation)}'s {b.Year} budget"),
        DominatedBy d => $"{d.By} is as good or better on everything",
        _ => null,
    };

    /// <summary>A reason as a sentence; null for findings that need no words of their own (e.g. delays not clearly avoided, said by the verdict).</summary>
    public static string? Sentence(VerdictReason reason) => reason switch
    {
        Overloads o => Overload(o),
        HarmWorse h => Inv($"{Lower(HarmMeasureWords.Display(h.Measure))} {Direction(h.Measure)} significantly: {Change(h.Difference, h.Measure)} (tolerance {Amount(h.Tolerance, h.Measure)})."),
        HarmAllowed h => Inv($"{Lower(HarmMeasureWords.Display(h.Measure))} {Direction(h.Measure)} ({Change(h.Difference, h.Measure)}), which the scenario's decision section allows."),
        DelaysRise d => Inv($"delayed days rise by {-d.DelayedDaysAvoided.Mean:N0} a year (95% CI {-d.DelayedDaysAvoided.Upper:N0} to {-d.DelayedDaysAvoided.Lower:N0})."),
        OverBudget b => Inv($"{CommissionerWords.Organisation(b.Organisation)}'s modelled spend in {b.Year} (£{b.Spend.Mean / 1e6:N1}m) is over its budget of £{b.Budget / 1_000_000m:N1}m."),
        DominatedBy d => $"{d.By} is at least as good on delayed days, cost and every harm, and better on one.",
        _ => null,
    };

    private static string Overload(Overloads o)
    {
        var parts = new List<string>();
        // Each overloaded service once, with what shows it: the flow balance's offered load, the queue's growth in the run, or both.
        var overloaded = new List<string>();
        foreach (string service in o.Services)
        {
            var over = o.OverCapacity.FirstOrDefault(f => f.Load.Service == service && f.Level != LoadLevel.Unbounded);
            var rising = o.Growing.FirstOrDefault(g => g.Service == service && g.Growth.Mean > 0);
            var shown = new List<string>();
            if (over?.Load.Mean.MustCarryRatio is { } ratio)
            {
                shown.Add(double.IsPositiveInfinity(ratio)
                    ? "offered patients by the flow balance with no capacity to take them"
                    : Inv($"offered {ratio * 100:0.#}% of its capacity over the period by the flow balance, so it cannot keep up"));
            }
            if (rising is not null)
            {
                shown.Add(Inv($"its queue grows by about {rising.Growth.Mean:N0} over the period"));
            }
            if (shown.Count > 0)
            {
                overloaded.Add($"{service} ({string.Join("; ", shown)})");
            }
        }
        if (overloaded.Count > 0)
        {
            parts.Add($"this option overloads {string.Join(", ", overloaded)}: its long-run figures have no meaning");
        }
        var unbounded = o.OverCapacity.Where(f => f.Level == LoadLevel.Unbounded).Select(f => f.Load.Service).ToList();
        if (unbounded.Count > 0)
        {
            parts.Add($"patients who reach {string.Join(", ", unbounded)} can never leave the network, so its load grows without bound");
        }
        var falling = o.Growing.Where(g => g.Growth.Mean < 0).ToList();
        if (falling.Count > 0)
        {
            string services = string.Join(", ", falling.Select(g => Inv($"{g.Service} (its queue falls by about {-g.Growth.Mean:N0} over the period)")));
            parts.Add($"this option has not settled at {services}: a queue built up before the period is still draining, so its figures depend on the warm-up (lengthen it)");
        }
        if (o.DeadlockedReplications > 0)
        {
            parts.Add(Inv($"{o.DeadlockedReplications} replication(s) end in a deadlock"));
        }
        return string.Join("; ", parts) + ".";
    }

    private static string Direction(HarmMeasure m) => Harms.WorseWhen(m) == Worse.Lower ? "fall" : "rise";

    private static string Change(Estimate d, HarmMeasure m) =>
        Inv($"{Amount(d.Mean, m, signed: true)} (95% CI {Amount(d.Lower ?? double.NaN, m, signed: true)} to {Amount(d.Upper ?? double.NaN, m, signed: true)})");

    /// <summary>A harm's amount as the wording writes it: occupancy in percentage points ("5.3 points"), other measures with one decimal below 10 and none above ("+7,967"); signed puts "+" before a rise.</summary>
    internal static string Amount(double value, HarmMeasure m, bool signed = false)
    {
        string text = m == HarmMeasure.AcuteOccupancy
            ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " points"
            : value.ToString(Math.Abs(value) < 10 ? "N1" : "N0", CultureInfo.InvariantCulture);
        // A value that rounds to zero is written 0.0, neither "-0.0" nor "+0.0": it is no change.
        string digits = text.TrimStart('-');
        if (digits.AsSpan().IndexOfAnyInRange('1', '9') < 0)
        {
            return digits;
        }
        return signed && value > 0 ? "+" + text : text;
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
