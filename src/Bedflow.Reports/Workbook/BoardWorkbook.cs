using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Reports.Wording;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scenario = Bedflow.Core.Experiments.Scenario;

namespace Bedflow.Reports.Workbook;

/// <summary>
/// report.xlsx: the board pack's figures as numbers a finance team can work with — one sheet each
/// for the headline, the money, the harms, the appraisal and the monthly SitRep figures, every estimate as its mean and its
/// 95% interval's two ends in separate numeric columns, with number formats (thousands
/// separators, £, %, real dates). Aggregates only: nothing about any one patient. Thread-safe
/// (no shared state).
/// </summary>
public static partial class BoardWorkbook
{
    /// <summary>The sheets' names, in order (a run with parameter uncertainty adds <see cref="ParameterUncertaintySheet"/> after the headline).</summary>
    public static IReadOnlyList<string> SheetNames { get; } = [HeadlineSheet, MoneySheet, HarmsSheet, AppraisalSheet, SitRepSheet];

    private const string HeadlineSheet = "Headline";
    private const string MoneySheet = "Money";
    private const string SitRepSheet = "Monthly SitRep";
    private const string HarmsSheet = "Harms";
    private const string AppraisalSheet = "Appraisal";

    /// <summary>Writes the workbook to <paramref name="stream"/> (left open; it need only be writable).</summary>
    public static void Write(Stream stream, Scenario scenario, Core.Simulation.RunOptions options, IReadOnlyList<VariantResult> results)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);
        // The same appraisal and verdict as the pack and results.json.
        var decision = Core.Decisions.Decision.Of(results, scenario.Decision);
        var verdict = decision.Verdict;
        var sheets = new List<SheetBuilder>
        {
            Headline(scenario, options, results, verdict),
            Money(results),
            HarmsOf(results, decision),
            AppraisalOf(results, decision),
            MonthlySitRep(results),
        };
        if (ParameterUncertainty(results) is { } uncertainty)
        {
            sheets.Insert(1, uncertainty);
        }
        // The package is built in memory: the SDK reads back what it writes, and an output stream
        // (OutputFolder's staging file) may be write-only.
        Package(stream, $"{scenario.Name} — Bedflow board pack figures", sheets);
    }

    /// <summary>The sheets as a workbook, built in memory and copied to <paramref name="stream"/>, titled <paramref name="title"/>.</summary>
    internal static void Package(Stream stream, string title, IReadOnlyList<SheetBuilder> sheets)
    {
        using var buffer = new MemoryStream();
        Build(buffer, title, sheets);
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    private static void Build(Stream buffer, string title, IReadOnlyList<SheetBuilder> sheets)
    {
        using var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = WorkbookStyles.Create();
        var list = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = sheet.Build();
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }
        // Package properties carry no author or time: the same results give the same cells.
        document.PackageProperties.Title = title;
    }

    private static SheetBuilder Headline(Scenario scenario, Core.Simulation.RunOptions options, IReadOnlyList<VariantResult> results, Verdict verdict)
    {
        var sheet = new SheetBuilder(HeadlineSheet);
        bool costed = results[0].Costs is not null;
        sheet.Headings([
            "Option", "Description", "Best option",
            .. SheetBuilder.EstimateHeadings("Patients delayed on a typical day"),
            .. SheetBuilder.EstimateHeadings("Delayed days a year"),
            .. SheetBuilder.EstimateHeadings("Delayed days per 1,000 adults a year"),
            .. SheetBuilder.EstimateHeadings("Acute occupancy"),
            .. SheetBuilder.EstimateHeadings("Patients waiting for an acute bed"),
            .. costed ? SheetBuilder.EstimateHeadings("Cost over the period (£)") : [],
            .. costed ? ["Net cost per delayed day avoided (£; negative: it also saves money)"] : Array.Empty<string>(),
        ]);
        foreach (var r in results)
        {
            sheet.Row().Text(r.Name).Text(r.Description, NumberFormat.WrappedText).Text(r.Name == verdict.Best ? "Yes" : "")
                .Estimate(r.DelayedPatients, NumberFormat.OneDecimal)
                .Estimate(r.DelayedDaysPerYear, NumberFormat.Integer)
                .Estimate(r.Run.Delays!.DaysPer1000AdultsPerYear, NumberFormat.OneDecimal)
                .Estimate(r.AcuteOccupancy, NumberFormat.Percent)
                .Estimate(r.AdmissionsWaiting, NumberFormat.OneDecimal);
            if (costed)
            {
                sheet.Estimate(r.Costs!.Total, NumberFormat.Pounds).Number(r.VersusBaseline?.CostPerDelayedDayAvoided, NumberFormat.Pounds);
            }
        }
        var start = scenario.Baseline.StartDate;
        sheet.Row();
        sheet.Row().Text("Scenario").Text(scenario.Name);
        sheet.Row().Text("Verdict").Text(VerdictWording.Statement(verdict));
        sheet.Row().Text("Period from").Date(start);
        sheet.Row().Text("Period to").Date(start.AddDays((int)Math.Ceiling(options.HorizonDays) - 1));
        sheet.Row().Text("Warm-up (days)").Number(options.WarmupDays, NumberFormat.Integer);
        sheet.Row().Text("Replications").Number(options.Replications, NumberFormat.Integer);
        sheet.Row().Text("Seed").Text(options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (scenario.TargetDelayedPatients is { } target)
        {
            sheet.Row().Text("Target: patients delayed on a typical day").Number(target, NumberFormat.OneDecimal);
        }
        sheet.Row().Text("Each figure is the mean over replications; its 95% confidence interval's ends are in the two columns after it (empty with one replication).");
        return sheet;
    }
}
