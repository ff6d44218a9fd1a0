using System.Globalization;
using Bedflow.Core.Experiments;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>The worked example reproduces the scale the seeds give and Oxfordshire's published 2016/17 delays, within the calibration's targets.</summary>
public class OxfordshireExampleTests
{
    internal static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bedflow.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine([dir?.FullName ?? throw new InvalidOperationException("repository root not found"), .. parts]);
    }

    [Fact]
    public void The_example_and_all_its_variants_are_valid()
    {
        var load = ScenarioFile.Load(RepoFile("examples", "oxfordshire", "scenario.yaml"));
        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        // Only sizing's warnings: services near capacity, and the step-up options' reablement, beyond its places each winter (docs/oxfordshire.md).
        Assert.All(load.Problems, p => Assert.True(p.IsWarning && p.Message.Contains(" worth of patients for ", StringComparison.Ordinal), p.ToString()));
        Assert.Equal(4, load.Problems.Count(p => p.Path == "services.reablement.capacity" && p.Message.Contains("in variant 'step_up_beds[", StringComparison.Ordinal)
            && p.Message.Contains("it cannot keep up that month", StringComparison.Ordinal)));
        Assert.Equal(["baseline", "pilot_stopped", "pilot_all_year", "step_up_beds[5%]", "step_up_beds[10%]", "step_up_beds[15%]", "step_up_beds[20%]",
            "acute_cut_150", "acute_cut_150_with_community"], load.Scenario!.AllVariants.Select(v => v.Name));
    }

    [Theory]
    // lever, service, the price it comes from in the file's prices (a day, an hour or a week), the periods in a year
    [InlineData("intermediate_care_beds", "intermediate_care", 160, 365)]
    [InlineData("reablement_places", "reablement", 45, 365)]
    [InlineData("social_workers", "assessment", 200, 365)]
    [InlineData("carer_hours", "home_care", 18, 52.18)]
    [InlineData("nursing_home_places", "nursing_home", 700, 52.18)]
    public void The_optimise_levers_cost_what_the_files_own_prices_say(string lever, string service, double price, double periods)
    {
        var scenario = ScenarioFile.Load(RepoFile("examples", "oxfordshire", "scenario.yaml")).Scenario!;
        var found = Assert.Single(scenario.Optimise!.Levers, l => l.Name == lever);
        Assert.Equal(service, found.Service);
        Assert.InRange((double)found.UnitCost.Pounds, 0.995 * price * periods, 1.005 * price * periods);
        if (periods == 365)
        {
            Assert.Equal((decimal)price, scenario.Economy!.Prices.Services[service].FundedDay.Pounds);
        }
        var pilot = Assert.Single(scenario.Optimise.Levers, l => l.IsSwitch);
        Assert.Equal(("winter_pilot", 2_000_000m, Commissioner.Nhs), (pilot.Switch!.Intervention, pilot.UnitCost.Pounds, pilot.PaidBy));
    }

    [Fact]
    public void The_baseline_reproduces_Oxfordshires_published_2016_17_within_the_calibration_targets()
    {
        var scenario = ScenarioFile.Load(RepoFile("examples", "oxfordshire", "scenario.yaml")).Scenario!;
        var result = Experiment.Run([new ExperimentVariant("baseline", "", scenario.Baseline)], scenario.Options).Single();
        var d = result.Run.Delays!;
        // Seeds: about 130–200 patients delayed on a typical day.
        Assert.InRange(d.MeanDelayed.Mean, 130, 200);
        var (days, reasons, organisations, quarters) = Published();
        // The targets of `bedflow calibrate published` (docs/calibration.md), which made the example.
        double total = d.DaysPerYear.Mean;
        Assert.True(Math.Abs(total / days - 1) <= 0.05, $"model {total:F0} delayed days a year, published {days:F0} (allowed ±5%)");
        foreach (var reason in SitRep.Reasons)
        {
            double model = 100 * d.ByReason[reason].Mean / total;
            Assert.True(Math.Abs(model - reasons[reason]) <= 3,
                $"{reason}: model {model:F1}% of delayed days, Oxfordshire 2016/17 {reasons[reason]:F1}% (allowed ±3 points)");
        }
        foreach (var who in SitRep.Responsibilities)
        {
            double model = 100 * d.ByResponsibility[who].Mean / total;
            Assert.True(Math.Abs(model - organisations[who]) <= 5,
                $"{who}: model {model:F1}% of delayed days, Oxfordshire 2016/17 {organisations[who]:F1}% (allowed ±5 points)");
        }
        // The shape of the year: the model's busiest quarter is the published one (January–March).
        var months = d.Months.Select(m => m.DelayedDays.Mean).ToArray();
        Assert.Equal(12, months.Length);
        var modelQuarters = Enumerable.Range(0, 4).Select(q => months.Skip(3 * q).Take(3).Sum()).ToArray();
        Assert.Equal(Array.IndexOf(quarters, quarters.Max()), Array.IndexOf(modelQuarters, modelQuarters.Max()));
    }

    [Fact]
    public void The_example_carries_the_seeds_prices_budgets_and_pooled_fund()
    {
        var economy = ScenarioFile.Load(RepoFile("examples", "oxfordshire", "scenario.yaml")).Scenario!.Economy!;
        Assert.Equal(Core.Units.FinancialYear.Starting(2016), economy.Prices.Year);
        // The 2016/17 excess bed-day reference cost, £313, is the bed's funded cost plus the delayed day's activity.
        Assert.Equal(313m, (economy.Prices.ExcessBedDay!.Value + economy.Prices.Services["acute"].FundedDay).Pounds);
        Assert.Equal(3684m, economy.Prices.ElectivePrice!.Value.Pounds);
        Assert.Equal(18m, economy.Prices.Services["home_care"].PerUnit.Pounds);
        Assert.Equal(700m, (economy.Prices.Services["nursing_home"].OccupiedDay * 7).Pounds);
        var nhs = economy.Budgets.Single(b => b.Organisation == Core.Vocabulary.Commissioner.Nhs).Savings!;
        Assert.Equal((22.4e6m, 9.1e6m, 13.3e6m), (nhs.Target.Pounds, nhs.Identified.Pounds, nhs.Gap.Pounds));
        Assert.Equal(130e6m, Core.Units.MoneySums.Sum(economy.Pool!.Contributions.Values).Pounds);
        Assert.Equal(100e6m, economy.Pool.Contributions[Core.Vocabulary.Commissioner.SocialCare].Pounds);
        Assert.Equal(2e6m, economy.FixedCosts.Single(f => f.Name == "winter_pilot").Amount.Pounds);
    }

    /// <summary>
    /// Oxfordshire's delayed days, April 2016 – March 2017 (NHS England, OGL): the year's total, the
    /// share of each reason and of each responsible organisation (percentages) and each quarter's days.
    /// </summary>
    private static (double Days, Dictionary<DelayReason, double> Reasons, Dictionary<Responsibility, double> Organisations, double[] Quarters) Published()
    {
        var lines = File.ReadAllLines(RepoFile("examples", "oxfordshire", "published-delays-2016-17.csv"));
        Assert.Equal(13, lines.Length); // header and twelve months, April first
        DelayReason[] columns = [DelayReason.A, DelayReason.B, DelayReason.C, DelayReason.Di, DelayReason.Dii, DelayReason.E, DelayReason.F, DelayReason.G, DelayReason.H, DelayReason.I, DelayReason.O];
        var sums = columns.ToDictionary(c => c, _ => 0.0);
        double total = 0;
        var quarters = new double[4];
        foreach (var (line, month) in lines.Skip(1).Select((l, i) => (l, i)))
        {
            var cells = line.Split(',').Select(c => c.Trim('"')).ToArray();
            for (int i = 0; i < columns.Length; i++)
            {
                // "-" and "NA" are missing values, not zero: they add nothing.
                if (double.TryParse(cells[2 + i], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                {
                    sums[columns[i]] += v;
                }
            }
            double monthTotal = double.Parse(cells[13], CultureInfo.InvariantCulture);
            total += monthTotal;
            quarters[month / 3] += monthTotal;
        }
        Assert.Equal(52_236, total); // Oxfordshire's 2016/17 delayed days
        var organisations = new Dictionary<Responsibility, double>();
        var orgLines = File.ReadAllLines(RepoFile("examples", "oxfordshire", "published-delays-by-organisation-2016-17.csv"));
        Assert.Equal(13, orgLines.Length);
        Responsibility[] orgColumns = [Responsibility.Nhs, Responsibility.SocialCare, Responsibility.Both];
        var orgSums = orgColumns.ToDictionary(c => c, _ => 0.0);
        foreach (string line in orgLines.Skip(1))
        {
            var cells = line.Split(',').Select(c => c.Trim('"')).ToArray();
            for (int i = 0; i < orgColumns.Length; i++)
            {
                orgSums[orgColumns[i]] += double.Parse(cells[1 + i], CultureInfo.InvariantCulture);
            }
        }
        double orgTotal = orgSums.Values.Sum();
        foreach (var (who, days) in orgSums)
        {
            organisations[who] = 100 * days / orgTotal;
        }
        return (total, sums.ToDictionary(kv => kv.Key, kv => 100 * kv.Value / total), organisations, quarters);
    }
}
