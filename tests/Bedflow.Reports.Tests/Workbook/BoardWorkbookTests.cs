using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Workbook;

namespace Bedflow.Reports.Tests.Workbook;

/// <summary>report.xlsx read back with the Open XML SDK and checked against the results it was written from.</summary>
public class BoardWorkbookTests(ReportFixture f) : IClassFixture<ReportFixture>
{
    private readonly WorkbookReader _book = Read(f);

    private static WorkbookReader Read(ReportFixture f)
    {
        using var stream = new MemoryStream();
        BoardWorkbook.Write(stream, f.Scenario, f.Scenario.Options, f.Results);
        return new WorkbookReader(stream.ToArray());
    }

    [Fact]
    public void The_workbook_has_a_headline_money_harms_appraisal_and_monthly_sitrep_sheet_in_that_order()
    {
        Assert.Equal(["Headline", "Money", "Harms", "Appraisal", "Monthly SitRep"], _book.SheetNames);
        Assert.Equal(BoardWorkbook.SheetNames, _book.SheetNames);
    }

    [Fact]
    public void The_harms_sheet_gives_every_measure_of_every_option_with_its_level_change_and_judgement()
    {
        const string s = "Harms";
        var measures = Core.Experiments.HarmMeasureWords.Table.Rows;
        string level = _book.Column(s, "Level"), change = _book.Column(s, "Change from the baseline (paired)"), judged = _book.Column(s, "Significantly worse");
        var decision = Core.Decisions.Decision.Of(f.Results, f.Scenario.Decision);
        for (int v = 0; v < f.Results.Count; v++)
        {
            var r = f.Results[v];
            for (int k = 0; k < measures.Count; k++)
            {
                int row = 2 + (v * measures.Count) + k;
                var m = measures[k].Value;
                Assert.Equal(r.Name, _book.Text(s, $"A{row}"));
                Assert.Equal(measures[k].Display, _book.Text(s, $"B{row}"));
                if (double.IsFinite(r.Harms[m].Mean))
                {
                    Assert.Equal(r.Harms[m].Mean, _book.Number(s, $"{level}{row}")!.Value, 9);
                }
                if (r.HarmsVersusBaseline is { } d && double.IsFinite(d[m].Mean))
                {
                    Assert.Equal(d[m].Mean, _book.Number(s, $"{change}{row}")!.Value, 9);
                    bool worse = decision.For(r.Name)!.Reasons.OfType<Core.Decisions.HarmWorse>().Any(h => h.Measure == m);
                    Assert.Equal(worse ? "yes" : "no", _book.Text(s, $"{judged}{row}"));
                }
            }
        }
        Assert.Equal("0.0%", _book.Format(s, $"{level}{2 + (int)Core.Experiments.HarmMeasure.AcuteOccupancy}"));
    }

    [Fact]
    public void The_appraisal_sheet_says_each_options_standing_and_marks_the_recommended_one_as_the_pack_does()
    {
        const string s = "Appraisal";
        var decision = Core.Decisions.Decision.Of(f.Results, f.Scenario.Decision);
        string recommended = _book.Column(s, "Recommended"), acceptable = _book.Column(s, "Acceptable"), avoided = _book.Column(s, "Delayed days avoided a year");
        for (int v = 1; v < f.Results.Count; v++)
        {
            var a = decision.Appraisals[v - 1];
            int row = v + 1;
            Assert.Equal(a.Variant, _book.Text(s, $"A{row}"));
            Assert.Equal(a.Acceptable ? "yes" : "no", _book.Text(s, $"{acceptable}{row}"));
            Assert.Equal(decision.Verdict.Best == a.Variant ? "yes" : null, _book.Text(s, $"{recommended}{row}"));
            Assert.Equal(a.DelayedDaysAvoided.Mean, _book.Number(s, $"{avoided}{row}")!.Value, 9);
        }
        // The headline's "best option" is the appraisal's choice, not the older ranking of comparisons.
        Assert.Contains(VerdictWordingStatement(decision), _book.AllText());
    }

    private static string VerdictWordingStatement(Core.Decisions.Decision d) => Bedflow.Reports.Wording.VerdictWording.Statement(d.Verdict);

    [Fact]
    public void The_workbook_is_valid_office_open_xml()
    {
        using var stream = new MemoryStream();
        BoardWorkbook.Write(stream, f.Scenario, f.Scenario.Options, f.Results);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(stream.ToArray()), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_headline_gives_each_option_with_its_description_and_each_figure_with_its_interval_as_numbers()
    {
        const string s = "Headline";
        Assert.Equal(new[] { "baseline", "no_pilot", "more_ic" }, new[] { _book.Text(s, "A2"), _book.Text(s, "A3"), _book.Text(s, "A4") });
        string days = _book.Column(s, "Delayed days a year");
        string occupancy = _book.Column(s, "Acute occupancy");
        string cost = _book.Column(s, "Cost over the period (£)");
        Assert.Equal("Delayed days a year: 95% CI from", _book.Text(s, Next(days) + "1"));
        for (int v = 0; v < f.Results.Count; v++)
        {
            var r = f.Results[v];
            int row = v + 2;
            Assert.Equal(f.Scenario.AllVariants.ElementAt(v).Description, _book.Text(s, $"B{row}") ?? "");
            Assert.Equal(r.DelayedDaysPerYear.Mean, _book.Number(s, $"{days}{row}")!.Value, 9);
            Assert.Equal(r.DelayedDaysPerYear.Lower!.Value, _book.Number(s, $"{Next(days)}{row}")!.Value, 9);
            Assert.Equal(r.DelayedDaysPerYear.Upper!.Value, _book.Number(s, $"{Next(Next(days))}{row}")!.Value, 9);
            Assert.Equal(r.AcuteOccupancy.Mean, _book.Number(s, $"{occupancy}{row}")!.Value, 12); // a share: 0.934 shows as 93.4%
            Assert.Equal(r.Costs!.Total.Mean, _book.Number(s, $"{cost}{row}")!.Value, 6);
            Assert.Equal("#,##0", _book.Format(s, $"{days}{row}"));
            Assert.Equal("0.0%", _book.Format(s, $"{occupancy}{row}"));
            Assert.Equal("\"£\"#,##0;\\-\"£\"#,##0", _book.Format(s, $"{cost}{row}"));
        }
        Assert.Equal("Yes", _book.Text(s, "C4")); // more_ic is the best option (ChartDataTests)
        Assert.Null(_book.Text(s, "C2"));
        // The period is a real date (Excel's serial day, 42461 = 1 April 2016) shown in UK form.
        var from = Enumerable.Range(1, _book.Rows[s]).Single(i => _book.Text(s, $"A{i}") == "Period from");
        Assert.Equal(42461, _book.Number(s, $"B{from}"));
        Assert.Equal("dd/mm/yyyy", _book.Format(s, $"B{from}"));
        Assert.Equal(42461 + 119, _book.Number(s, $"B{from + 1}")); // 120 days reported
    }

    [Fact]
    public void Money_reads_one_way_saving_and_cash_released_positive_when_the_option_saves_with_costs_per_organisation()
    {
        const string s = "Money";
        string saving = _book.Column(s, "Saving against the baseline (£; negative: costs more)");
        string cash = _book.Column(s, "Cash released (£; negative: more cash spent)");
        string nhs = _book.Column(s, "Cost to the NHS commissioner (£)");
        string nhsSaving = _book.Column(s, "Saving to the NHS commissioner (£)");
        Assert.Null(_book.Number(s, $"{saving}2")); // the baseline against itself
        for (int v = 1; v < f.Results.Count; v++)
        {
            var c = f.Results[v].VersusBaseline!;
            int row = v + 2;
            double baselineTotal = f.Results[0].Costs!.Total.Mean, total = f.Results[v].Costs!.Total.Mean;
            Assert.Equal(baselineTotal - total, _book.Number(s, $"{saving}{row}")!.Value, 3); // paired means: the difference of the means
            Assert.Equal(c.CashReleasingSaving.Mean, _book.Number(s, $"{cash}{row}")!.Value, 6);
            Assert.Equal(f.Results[0].Costs!.ByOrganisation[Commissioner.Nhs].Mean - f.Results[v].Costs!.ByOrganisation[Commissioner.Nhs].Mean, _book.Number(s, $"{nhsSaving}{row}")!.Value, 3);
            Assert.Equal(f.Results[v].Costs!.ByOrganisation[Commissioner.Nhs].Mean, _book.Number(s, $"{nhs}{row}")!.Value, 6);
            Assert.Contains("£", _book.Format(s, $"{saving}{row}"), StringComparison.Ordinal);
            // The interval turns with the sign: its ends are still from (low) and to (high).
            Assert.Equal(-c.TotalCost.Upper!.Value, _book.Number(s, $"{Next(saving)}{row}")!.Value, 6);
            Assert.True(_book.Number(s, $"{Next(saving)}{row}") <= _book.Number(s, $"{Next(Next(saving))}{row}"));
        }
    }

    [Fact]
    public void Money_shows_the_price_of_unmet_demand_labelled_not_in_the_totals_with_its_saving_against_the_baseline()
    {
        const string s = "Money";
        const string h = "Price of unmet demand (not in the totals)";
        string electives = _book.Column(s, $"{h}: Electives turned away × their price (£)");
        string waiting = _book.Column(s, $"{h}: Hours waiting for a bed × its price (£)");
        string all = _book.Column(s, $"{h}: All unmet demand (£)");
        string saving = _book.Column(s, $"{h}: saving against the baseline (£; negative: more care not given)");
        var baseline = f.Results[0].Costs!;
        Assert.True(baseline.UnmetWaiting.Mean > 0);
        Assert.Null(_book.Number(s, $"{saving}2"));
        for (int v = 0; v < f.Results.Count; v++)
        {
            var costs = f.Results[v].Costs!;
            int row = v + 2;
            Assert.Equal(costs.UnmetElectives.Mean, _book.Number(s, $"{electives}{row}")!.Value, 6);
            Assert.Equal(costs.UnmetWaiting.Mean, _book.Number(s, $"{waiting}{row}")!.Value, 6);
            // The whole is its parts.
            Assert.Equal(_book.Number(s, $"{electives}{row}")!.Value + _book.Number(s, $"{waiting}{row}")!.Value, _book.Number(s, $"{all}{row}")!.Value, 3);
            Assert.Contains("£", _book.Format(s, $"{all}{row}"), StringComparison.Ordinal);
            if (v > 0)
            {
                Assert.Equal(baseline.UnmetDemand.Mean - costs.UnmetDemand.Mean, _book.Number(s, $"{saving}{row}")!.Value, 3);
            }
        }
    }

    [Fact]
    public void The_monthly_sitrep_sheet_has_each_options_delayed_days_by_month_reason_and_organisation()
    {
        const string s = "Monthly SitRep";
        var months = f.Results[0].Run.Delays!.Months;
        int reasons = SitRep.Reasons.Count;
        // Aggregates only: one row per option, month and reason, under one row of headings.
        Assert.Equal(1 + (f.Results.Count * months.Count * reasons), _book.Rows[s]);
        for (int v = 0; v < f.Results.Count; v++)
        {
            var summary = f.Results[v].Run.Delays!.Months;
            for (int m = 0; m < months.Count; m++)
            {
                int first = 2 + (((v * months.Count) + m) * reasons);
                Assert.Equal(f.Results[v].Name, _book.Text(s, $"A{first}"));
                Assert.Equal(new DateOnly(summary[m].Year, summary[m].Month, 1).ToDateTime(TimeOnly.MinValue).ToOADate(), _book.Number(s, $"B{first}"));
                Assert.Equal("mmm yyyy", _book.Format(s, $"B{first}"));
                double all = 0;
                for (int k = 0; k < reasons; k++)
                {
                    int row = first + k;
                    Assert.Equal(DelayReasonWords.Code(SitRep.Reasons[k]), _book.Text(s, $"C{row}"));
                    double byOrganisation = _book.Number(s, $"E{row}")!.Value + _book.Number(s, $"F{row}")!.Value + _book.Number(s, $"G{row}")!.Value;
                    Assert.Equal(_book.Number(s, $"H{row}")!.Value, byOrganisation, 6);
                    all += _book.Number(s, $"H{row}")!.Value;
                }
                // The month's delayed days, as the delay summary counts them, split by reason.
                Assert.Equal(summary[m].DelayedDays.Mean, all, 6);
            }
        }
        Assert.Equal("Delayed days: Social Care", _book.Text(s, "F1"));
    }

    [Fact]
    public void The_workbook_holds_no_patient_level_data()
    {
        // Every text cell is a heading, a name, a description, a reason, a note or the verdict — never an id.
        var texts = _book.AllText().ToList();
        Assert.NotEmpty(texts);
        Assert.DoesNotContain(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, "\\b\\d{10}\\b|\\bpatient[_ ]?id\\b|nhs[_ ]?number", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.All(_book.Rows, kv => Assert.True(kv.Value < 500, $"{kv.Key}: {kv.Value} rows"));
    }

    private static string Next(string column) => SheetBuilder.ColumnName(Index(column) + 1);

    private static int Index(string column) => column.Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
}
