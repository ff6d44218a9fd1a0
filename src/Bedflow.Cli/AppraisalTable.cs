using System.Globalization;
using Bedflow.Core.Decisions;
using Bedflow.Core.Experiments;
using Bedflow.Reports.Wording;
using Spectre.Console;

namespace Bedflow.Cli;

/// <summary>The harms table `bedflow run` prints: what each option does to activity and the front door, and its standing.</summary>
internal static class AppraisalTable
{
    private static readonly (HarmMeasure Measure, string Format)[] Shown =
    [
        (HarmMeasure.EmergencyAdmissions, "N0"),
        (HarmMeasure.ElectiveAdmissions, "N0"),
        (HarmMeasure.ElectivesTurnedAway, "N0"),
        (HarmMeasure.WaitingForAcuteBed, "N1"),
        (HarmMeasure.WaitsOver12Hours, "N0"),
        (HarmMeasure.DaysAbove95Percent, "N0"),
        (HarmMeasure.WaitingUncounted, "N1"),
    ];

    public static void Print(IAnsiConsole console, IReadOnlyList<VariantResult> results, Decision decision)
    {
        console.WriteLine();
        console.WriteLine("Activity and harm (a year, or on a typical night); for options, the change from the baseline (paired), and each option's standing:");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("Variant");
        foreach (var (m, _) in Shown)
        {
            table.AddColumn(new TableColumn(Markup.Escape(HarmMeasureWords.Display(m))).RightAligned());
        }
        table.AddColumn("Standing");
        foreach (var r in results)
        {
            var cells = new List<string> { Markup.Escape(r.Name) };
            foreach (var (m, format) in Shown)
            {
                cells.Add(r.HarmsVersusBaseline is { } d ? Signed(d[m], format) : Formatting.Estimate(r.Harms[m], format));
            }
            cells.Add(Markup.Escape(decision.For(r.Name) is { } a ? AppraisalWording.Standing(a) : decision.BaselineOverloads is null ? "reference" : "reference (overloaded)"));
            table.AddRow([.. cells]);
        }
        console.Write(table);
        foreach (var a in decision.Appraisals)
        {
            if (AppraisalWording.Summary(a) is { } line)
            {
                console.WriteLine(line);
            }
        }
    }

    private static string Signed(Core.Statistics.Estimate e, string format)
    {
        string text = Formatting.Estimate(e, format);
        return e.Mean > 0 && text.Length > 0 && char.IsDigit(text[0]) ? "+" + text : text;
    }
}
