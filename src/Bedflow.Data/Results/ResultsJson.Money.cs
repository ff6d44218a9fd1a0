using System.Text.Json;
using Bedflow.Core.Delays;
using Bedflow.Core.Experiments;
using Bedflow.Core.Finance;
using Bedflow.Core.Simulation;

namespace Bedflow.Data.Results;

public static partial class ResultsJson
{
    private static void WriteCosts(Utf8JsonWriter w, VariantCosts costs)
    {
        w.WriteStartObject("costs");
        w.WriteString("price_year", costs.PriceYear);
        Stat(w, "total", costs.Total);
        Stat(w, "fixed_costs", costs.FixedCosts);
        Stat(w, "funded_capacity", costs.Funded);
        Stat(w, "activity", costs.Activity);
        Group(w, "by_organisation", costs.ByOrganisation.Select(kv => (Org(kv.Key), kv.Value)));
        Group(w, "by_service", costs.ByService.Select(kv => (kv.Key, kv.Value)));
        Group(w, "by_year", costs.ByYear.Select(kv => (kv.Key, kv.Value)));
        if (costs.PoolResult is { } result)
        {
            w.WriteStartObject("pooled_fund");
            Stat(w, "contributions", costs.PoolContributions!);
            Stat(w, "spend", costs.PoolSpend!);
            Stat(w, "result", result);
            Group(w, "shares_of_result", costs.PoolShares!.Select(kv => (Org(kv.Key), kv.Value)));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("pooled_fund");
        }
        w.WriteEndObject();
    }

    private static void WriteComparison(Utf8JsonWriter w, Comparison c)
    {
        w.WriteStartObject("versus_baseline");
        Stat(w, "delayed_days_avoided_per_year", c.DelayedDaysAvoided);
        Stat(w, "acute_bed_days_freed", c.AcuteBedDaysFreed);
        Stat(w, "admissions_waiting", c.AdmissionsWaiting);
        Stat(w, "total_cost", c.TotalCost);
        Stat(w, "cash_releasing_saving", c.CashReleasingSaving);
        Stat(w, "activity_cost", c.ActivityCost);
        Group(w, "cost_by_organisation", c.CostByOrganisation.Select(kv => (Org(kv.Key), kv.Value)));
        Number(w, "cost_per_delayed_day_avoided", c.CostPerDelayedDayAvoided);
        Number(w, "elective_cases_from_freed_beds", c.ElectiveCasesFromBeds);
        Number(w, "elective_cases_from_money", c.ElectiveCasesFromMoney);
        w.WriteStartObject("savings_gap_closed");
        foreach (var (org, share) in c.GapClosed)
        {
            Number(w, Org(org), share);
        }
        w.WriteEndObject();
        w.WriteBoolean("avoids_delays_clearly", c.AvoidsDelaysClearly);
        w.WriteEndObject();
    }

    private static void WriteEconomics(Utf8JsonWriter w, RunOptions options, IReadOnlyList<VariantResult> variants)
    {
        var comparisons = variants.Skip(1).Select(v => v.VersusBaseline!).ToList();
        var verdict = Verdict.Of(comparisons, options.Replications);
        w.WriteStartObject("economics");
        if (variants.Count > 0 && variants[0].Costs is not null)
        {
            w.WriteString("best_option", verdict.Best);
        }
        else
        {
            w.WriteNull("best_option");
        }
        w.WriteString("statement", variants.Count > 0 && variants[0].Costs is null
            ? "The scenario has no prices: costs are not computed. " + verdict.Statement
            : verdict.Statement);
        WriteBudgets(w, variants);
        if (verdict.ReplicationsNeeded is { } n)
        {
            w.WriteNumber("replications_needed", n);
        }
        else
        {
            w.WriteNull("replications_needed");
        }
        w.WriteEndObject();
    }

    /// <summary>Each budget against the baseline's modelled spend of that organisation, by financial year, and its savings gap.</summary>
    private static void WriteBudgets(Utf8JsonWriter w, IReadOnlyList<VariantResult> variants)
    {
        w.WriteStartArray("budgets");
        if (variants.Count > 0 && variants[0].Costs is { } costs)
        {
            var economyBudgets = variants[0].Economy?.Budgets ?? [];
            foreach (var b in economyBudgets)
            {
                w.WriteStartObject();
                w.WriteString("organisation", Org(b.Organisation));
                w.WriteString("name", b.Name);
                w.WriteStartArray("years");
                var years = b.ByYear.Keys.Union(costs.ByYear.Keys).Order(StringComparer.Ordinal);
                foreach (string year in years)
                {
                    w.WriteStartObject();
                    w.WriteString("year", year);
                    if (b.ByYear.TryGetValue(year, out decimal budget))
                    {
                        w.WriteNumber("budget", budget);
                    }
                    else
                    {
                        w.WriteNull("budget");
                    }
                    Stat(w, "modelled_spend", Core.Statistics.Estimate.Of(costs.Replications.Select(c => (double)c.ByOrganisationYear.GetValueOrDefault((b.Organisation, year)))));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (b.Savings is { } plan)
                {
                    w.WriteStartObject("savings");
                    w.WriteNumber("target", plan.Target);
                    w.WriteNumber("identified", plan.Identified);
                    w.WriteNumber("gap", plan.Gap);
                    w.WriteStartArray("schemes");
                    foreach (var s in plan.Schemes)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", s.Name);
                        w.WriteNumber("amount", s.Amount);
                        w.WriteString("variant", s.Variant);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("savings");
                }
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
    }

    private static string Org(Commissioner c) => c switch
    {
        Commissioner.Nhs => "nhs",
        Commissioner.SocialCare => "social_care",
        _ => "pooled",
    };
}
