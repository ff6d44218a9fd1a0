using Bedflow.Core.Finance;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Scenarios;

internal sealed partial class ScenarioReader
{
    internal static readonly string[] PriceKeys = ["occupied_day", "per_week", "funded_day", "per_unit", "per_hour", "funded_unit", "funded_hour", "admission"];

    internal static readonly string[] PriceListKeys = ["year", "excess_bed_day", "elective", "unmet", "services"];

    private static readonly string[] MoneyKeys = ["budgets", "pooled_fund"];

    // The two partners a budget or a pooled fund can belong to: the commissioners but the pool itself, by their codes.
    private static readonly Dictionary<string, Commissioner> Partners =
        CommissionerWords.Table.Rows.Where(r => r.Value != Commissioner.Pooled).ToDictionary(r => r.Code, r => r.Value, StringComparer.Ordinal);

    /// <summary><c>prices</c>, <c>budgets</c>, <c>pooled_fund</c> and the interventions' costs; null without <c>prices</c>.</summary>
    private Economy? ReadEconomy(YMap root, List<Intervention> interventions, List<ServiceDefinition> services)
    {
        if (ctx.Map(root["prices"], "prices") is not { } prices)
        {
            foreach (var key in MoneyKeys.Where(k => root[k] is not null))
            {
                ctx.Error(root[key], key, "budgets and a pooled fund need a price list: add 'prices'.");
            }
            return null;
        }
        ctx.Keys(prices, "prices", PriceListKeys, ["year"]);
        var list = new PriceList
        {
            Year = ReadYear(prices["year"], "prices.year"),
            ExcessBedDay = Pounds(prices["excess_bed_day"], "prices.excess_bed_day"),
            Services = ReadServicePrices(prices["services"], services),
            Unmet = ReadUnmet(prices["unmet"]),
        };
        if (ctx.Map(prices["elective"], "prices.elective") is { } elective)
        {
            ctx.Keys(elective, "prices.elective", ["bed_days", "price"], ["bed_days", "price"]);
            if (ctx.Number(elective["bed_days"], "prices.elective.bed_days") is <= 0 and var days)
            {
                ctx.Error(elective["bed_days"], "prices.elective.bed_days", $"an elective case uses more than 0 bed-days, but was {days}.");
            }
            list = list with
            {
                ElectiveBedDays = ctx.Number(elective["bed_days"], "prices.elective.bed_days") ?? 3,
                ElectivePrice = Pounds(elective["price"], "prices.elective.price"),
            };
        }
        return new Economy
        {
            Prices = list,
            FixedCosts = [.. interventions.Where(i => i.Cost != 0).Select(i => new FixedCost(i.Name, i.From, i.To, Money.FromPounds(i.Cost), i.PaidBy))],
            Budgets = ReadBudgets(root["budgets"]),
            Pool = ReadPool(root["pooled_fund"]),
        };
    }

    private Dictionary<string, ServicePrices> ReadServicePrices(YNode? node, List<ServiceDefinition> services)
    {
        var result = new Dictionary<string, ServicePrices>();
        if (ctx.Map(node, "prices.services") is not { } map)
        {
            return result;
        }
        foreach (var (key, value) in map.Entries)
        {
            string path = $"prices.services.{key.Value}";
            var service = services.FirstOrDefault(s => s.Name == key.Value);
            if (service is null)
            {
                // A service written in the file but not read (its own problem says why) is not also "not a service".
                if (_root["services"] is not YMap written || written[key.Value] is null)
                {
                    ctx.Error(key, path, $"'{key.Value}' is not a service.{Suggest.DidYouMean(key.Value, services.Select(s => s.Name))}");
                }
                continue;
            }
            if (ctx.Map(value, path, required: true) is not { } m)
            {
                continue;
            }
            ctx.Keys(m, path, PriceKeys);
            var occupied = Pounds(m["occupied_day"], $"{path}.occupied_day");
            var week = Pounds(m["per_week"], $"{path}.per_week");
            if (occupied is not null && week is not null)
            {
                ctx.Error(m["per_week"], $"{path}.per_week", "give a price per occupied day or per week, not both.");
            }
            var unit = Pounds(m["per_unit"], $"{path}.per_unit");
            var hour = Pounds(m["per_hour"], $"{path}.per_hour");
            if (unit is not null && hour is not null)
            {
                ctx.Error(m["per_hour"], $"{path}.per_hour", "per_hour is another name for per_unit: give one.");
            }
            var funded = Pounds(m["funded_day"], $"{path}.funded_day") ?? Money.Zero;
            if (funded != Money.Zero && service.Capacity.IsEverUnlimited)
            {
                ctx.Error(m["funded_day"], $"{path}.funded_day", $"'{key.Value}' has unlimited capacity: there are no funded places to price.");
            }
            if ((unit ?? hour) is not null && service.Demand is null)
            {
                ctx.Error(m, path, $"a price per unit needs a 'demand' on '{key.Value}' (e.g. carer hours a week per package).");
            }
            var fundedUnit = ReadFundedUnit(m, path, service);
            result[key.Value] = new ServicePrices
            {
                OccupiedDay = occupied ?? (week is { } w ? w / 7 : Money.Zero),
                FundedDay = funded,
                PerUnit = unit ?? hour ?? Money.Zero,
                FundedUnit = fundedUnit,
                Admission = Pounds(m["admission"], $"{path}.admission") ?? Money.Zero,
            };
        }
        return result;
    }

    /// <summary><c>funded_unit</c> (or <c>funded_hour</c>): a unit of capacity a week, paid whether used or not — as <c>funded_day</c> beside <c>occupied_day</c>.</summary>
    private Money ReadFundedUnit(YMap m, string path, ServiceDefinition service)
    {
        var unit = Pounds(m["funded_unit"], $"{path}.funded_unit");
        var hour = Pounds(m["funded_hour"], $"{path}.funded_hour");
        string key = hour is not null ? "funded_hour" : "funded_unit";
        if (unit is not null && hour is not null)
        {
            ctx.Error(m["funded_hour"], $"{path}.funded_hour", "funded_hour is another name for funded_unit: give one.");
        }
        if ((unit ?? hour) is not { } price)
        {
            return Money.Zero;
        }
        if (service.Demand is null)
        {
            ctx.Error(m[key], $"{path}.{key}", $"a funded price per unit needs a 'demand' on '{service.Name}' (capacity in units, e.g. carer hours a week); price funded places with funded_day.");
        }
        else if (price != Money.Zero && service.Capacity.IsEverUnlimited)
        {
            ctx.Error(m[key], $"{path}.{key}", $"'{service.Name}' has unlimited capacity: there are no funded hours to price.");
        }
        return price;
    }

    private List<Budget> ReadBudgets(YNode? node)
    {
        var budgets = new List<Budget>();
        if (ctx.Map(node, "budgets") is not { } map)
        {
            return budgets;
        }
        foreach (var (key, value) in map.Entries)
        {
            string path = $"budgets.{key.Value}";
            if (!Partners.TryGetValue(key.Value, out var org))
            {
                ctx.Error(key, path, $"budgets belong to {string.Join(" or ", Partners.Keys)}, not '{key.Value}'.{Suggest.DidYouMean(key.Value, Partners.Keys)}");
                continue;
            }
            if (ctx.Map(value, path, required: true) is not { } m)
            {
                continue;
            }
            ctx.Keys(m, path, ["name", "budget", "savings"]);
            var byYear = new Dictionary<FinancialYear, Money>();
            if (ctx.Map(m["budget"], $"{path}.budget") is { } years)
            {
                foreach (var (year, amount) in years.Entries)
                {
                    if (!FinancialYear.TryParse(year.Value, out var fy, out string? problem))
                    {
                        ctx.Error(year, $"{path}.budget.{year.Value}", problem);
                    }
                    else if (Pounds(amount, $"{path}.budget.{year.Value}") is { } pounds)
                    {
                        byYear[fy] = pounds;
                    }
                }
            }
            budgets.Add(new Budget { Organisation = org, Name = ctx.Text(m["name"], $"{path}.name") ?? key.Value, ByYear = byYear, Savings = ReadSavings(m["savings"], $"{path}.savings") });
        }
        return budgets;
    }

    private SavingsPlan? ReadSavings(YNode? node, string path)
    {
        if (ctx.Map(node, path) is not { } m)
        {
            return null;
        }
        ctx.Keys(m, path, ["target", "schemes"], ["target"]);
        var schemes = new List<SavingsScheme>();
        if (ctx.Map(m["schemes"], $"{path}.schemes") is { } map)
        {
            foreach (var (key, value) in map.Entries)
            {
                string sp = $"{path}.schemes.{key.Value}";
                if (value is YMap scheme)
                {
                    ctx.Keys(scheme, sp, ["amount", "variant"], ["amount"]);
                    if (Pounds(scheme["amount"], $"{sp}.amount") is { } amount)
                    {
                        schemes.Add(new SavingsScheme(key.Value, amount, ctx.Text(scheme["variant"], $"{sp}.variant")));
                    }
                }
                else if (Pounds(value, sp) is { } amount)
                {
                    schemes.Add(new SavingsScheme(key.Value, amount));
                }
            }
        }
        return Pounds(m["target"], $"{path}.target") is { } target ? new SavingsPlan { Target = target, Schemes = schemes } : null;
    }

    private PooledFund? ReadPool(YNode? node)
    {
        if (ctx.Map(node, "pooled_fund") is not { } m)
        {
            return null;
        }
        ctx.Keys(m, "pooled_fund", ["name", "contributions", "shares"], ["contributions"]);
        var contributions = new Dictionary<Commissioner, Money>();
        if (ctx.Map(m["contributions"], "pooled_fund.contributions", required: true) is { } c)
        {
            foreach (var (key, value) in c.Entries)
            {
                if (!Partners.TryGetValue(key.Value, out var partner))
                {
                    ctx.Error(key, $"pooled_fund.contributions.{key.Value}", $"partners are {string.Join(" and ", Partners.Keys)}, not '{key.Value}'.");
                }
                else if (Pounds(value, $"pooled_fund.contributions.{key.Value}") is { } amount)
                {
                    contributions[partner] = amount;
                }
            }
        }
        Dictionary<Commissioner, decimal>? shares = null;
        if (m["shares"] is YMap sharesMap)
        {
            shares = [];
            foreach (var (key, value) in sharesMap.Entries)
            {
                if (Partners.TryGetValue(key.Value, out var partner) && Share(value, $"pooled_fund.shares.{key.Value}") is { } s)
                {
                    shares[partner] = (decimal)s;
                }
                else if (!Partners.ContainsKey(key.Value))
                {
                    ctx.Error(key, $"pooled_fund.shares.{key.Value}", $"partners are {string.Join(" and ", Partners.Keys)}, not '{key.Value}'.");
                }
            }
            if (Math.Abs(shares.Values.Sum() - 1) > 0.000001m)
            {
                ctx.Error(sharesMap, "pooled_fund.shares", $"shares of the result must sum to 1, but sum to {shares.Values.Sum()}.");
            }
        }
        else if (m["shares"] is { } other && ctx.Text(other, "pooled_fund.shares") is { } text && text != "proportional")
        {
            ctx.Error(other, "pooled_fund.shares", "write proportional (to contributions) or fixed shares such as {nhs: 50%, social_care: 50%}.");
        }
        return new PooledFund { Name = ctx.Text(m["name"], "pooled_fund.name") ?? "Pooled fund", Contributions = contributions, Shares = shares };
    }

    /// <summary>An amount of money at <paramref name="path"/> (<c>£2m</c>, <c>313</c>), or null when absent or wrong (with the error reported).</summary>
    private Money? Pounds(YNode? node, string path) => ctx.Money(node, path) is { } pounds ? Money.FromPounds(pounds) : null;

    /// <summary>A financial year written 2016/17, or null when absent or wrong (with the error reported).</summary>
    private FinancialYear? ReadYear(YNode? node, string path)
    {
        if (ctx.Text(node, path) is not { } text)
        {
            return null;
        }
        if (!FinancialYear.TryParse(text, out var year, out string? problem))
        {
            ctx.Error(node, path, problem);
            return null;
        }
        return year;
    }
}
