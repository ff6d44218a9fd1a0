using System.Globalization;
using Bedflow.Core.Experiments;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Scenarios;

namespace Bedflow.Data.Tests.Scenarios;

/// <summary>The worked example reproduces the scale and the reason mix the seeds and the published data give.</summary>
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
        // Only sizing's warnings: services near capacity, and the step-up options' reablement, overloaded on purpose (docs/oxfordshire.md).
        Assert.All(load.Problems, p => Assert.True(p.IsWarning && p.Message.Contains(" worth of patients for ", StringComparison.Ordinal), p.ToString()));
        Assert.Equal(4, load.Problems.Count(p => p.Message.Contains("The scenario allows it (allow_overload: true)", StringComparison.Ordinal)));
        Assert.Equal(["baseline", "pilot_stopped", "pilot_all_year", "step_up_beds[5%]", "step_up_beds[10%]", "step_up_beds[15%]", "step_up_beds[20%]",
            "acute_cut_150", "acute_cut_150_with_community"], load.Scenario!.AllVariants.Select(v => v.Name));
    }

    [Fact]
    public void The_baseline_reproduces_the_seeds_scale_and_the_2011_12_reason_mix()
    {
        var scenario = ScenarioFile.Load(RepoFile("examples", "oxfordshire", "scenario.yaml")).Scenario!;
        var result = Experiment.Run([new ExperimentVariant("baseline", "", scenario.Baseline)], scenario.Options).Single();
        var d = result.Run.Delays!;
        // Seeds: about 130–200 patients delayed on a typical day, 55,000–65,000 delayed days a year.
        Assert.InRange(d.MeanDelayed.Mean, 130, 200);
        Assert.InRange(d.DaysPerYear.Mean, 55_000, 65_000);
        double total = d.DaysPerYear.Mean;
        double choice = d.ByReason[DelayReason.G].Mean / total;
        Assert.InRange(choice, 0.05, 0.15); // "about 10% of delays from patient choice"
        var published = PublishedMix();
        foreach (var reason in SitRep.Reasons)
        {
            double model = 100 * d.ByReason[reason].Mean / total;
            Assert.True(Math.Abs(model - published[reason]) <= 5,
                $"{reason}: model {model:F1}% of delayed days, Oxfordshire 2011/12 {published[reason]:F1}% (allowed ±5 points)");
        }
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

    /// <summary>Oxfordshire's delayed days by reason, April 2011 – March 2012, as percentages (NHS England, OGL).</summary>
    private static Dictionary<DelayReason, double> PublishedMix()
    {
        var lines = File.ReadAllLines(RepoFile("examples", "oxfordshire", "published-delays-2011-12.csv"));
        Assert.Equal(13, lines.Length); // header and twelve months
        DelayReason[] columns = [DelayReason.A, DelayReason.B, DelayReason.C, DelayReason.Di, DelayReason.Dii, DelayReason.E, DelayReason.F, DelayReason.G, DelayReason.H, DelayReason.I, DelayReason.O];
        var sums = columns.ToDictionary(c => c, _ => 0.0);
        double total = 0;
        foreach (string line in lines.Skip(1))
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
            total += double.Parse(cells[13], CultureInfo.InvariantCulture);
        }
        Assert.InRange(total, 61_000, 62_000); // 61,503 delayed days in 2011/12
        return sums.ToDictionary(kv => kv.Key, kv => 100 * kv.Value / total);
    }
}
