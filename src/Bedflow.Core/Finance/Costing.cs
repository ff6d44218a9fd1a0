using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Finance;

/// <summary>
/// Costs a replication from its midnight census. Each place held at midnight is a bed-day at the
/// service's occupied price — except a delayed patient in an acute bed, priced at the excess
/// bed-day price instead (never both); funded places at the funded price; units of demand (carer
/// hours a week) at the unit price ÷ 7 a day; admissions at the admission price; fixed costs
/// spread evenly over their days.
/// </summary>
public static class Costing
{
    /// <summary>The cost of one replication over the horizon.</summary>
    /// <exception cref="InvalidOperationException">The run kept no daily census.</exception>
    public static CostBreakdown Of(Network network, Economy economy, ReplicationResult replication)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(economy);
        ArgumentNullException.ThrowIfNull(replication);
        var census = replication.Census ?? throw new InvalidOperationException("costs need the daily census (RunOptions.DailyCensus).");
        var delays = ServiceDelays.For(network);
        var byService = new Dictionary<string, Money>();
        var byYear = new Dictionary<FinancialYear, Money>();
        var byOrgYear = new Dictionary<(Commissioner, FinancialYear), Money>();
        var poolSpendByYear = new Dictionary<FinancialYear, Money>();
        var daysByYear = new Dictionary<FinancialYear, int>();
        // The day loop works in decimal pounds (the same sums as Money's, without a wrapper per term).
        decimal? excess = economy.Prices.ExcessBedDay?.Pounds;
        decimal funded = 0;
        // The financial year of each day, worked out once (not per service per day).
        var yearOf = new FinancialYear[census.Days];
        for (int d = 0; d < census.Days; d++)
        {
            yearOf[d] = FinancialYear.Of(network.StartDate.AddDays(d));
            daysByYear[yearOf[d]] = daysByYear.GetValueOrDefault(yearOf[d]) + 1;
        }
        for (int s = 0; s < network.Services.Count; s++)
        {
            var service = network.Services[s];
            if (!economy.Prices.Services.TryGetValue(service.Name, out var p))
            {
                continue;
            }
            var payer = service.Commissioner ?? SitRep.CommissionerFor(service.Kind);
            bool excessApplies = excess is not null && delays[s].Beds == SitRepBeds.Acute;
            decimal occupiedDay = p.OccupiedDay.Pounds, fundedDay = p.FundedDay.Pounds, perUnit = p.PerUnit.Pounds, admission = p.Admission.Pounds;
            decimal serviceTotal = 0;
            for (int d = 0; d < census.Days; d++)
            {
                int occupied = census.Occupied[s][d];
                int delayed = excessApplies ? census.Blocked[s][d] : 0;
                decimal fundedToday = census.CapacityOn(s, d).TryGetPlaces(out int places) ? places * fundedDay : 0;
                funded += fundedToday;
                var cost = Money.FromPounds(((occupied - delayed) * occupiedDay) + (delayed * (excess ?? 0)) + fundedToday
                    + ((decimal)census.Units[s][d] * perUnit / 7)
                    + (census.Admitted[s][d] * admission));
                serviceTotal += cost.Pounds;
                var fy = yearOf[d];
                byYear[fy] = byYear.GetValueOrDefault(fy) + cost;
                if (payer == Commissioner.Pooled && economy.Pool is not null)
                {
                    poolSpendByYear[fy] = poolSpendByYear.GetValueOrDefault(fy) + cost;
                }
                else
                {
                    var org = payer == Commissioner.Pooled ? Partner(network.LeadCommissioner) : payer;
                    byOrgYear[(org, fy)] = byOrgYear.GetValueOrDefault((org, fy)) + cost;
                }
            }
            byService[service.Name] = Money.FromPounds(serviceTotal);
        }
        var fixedTotal = Money.Zero;
        foreach (var f in economy.FixedCosts)
        {
            var perDay = f.To > f.From ? f.Amount / (decimal)(f.To - f.From) : Money.Zero;
            for (int d = Math.Max(0, (int)Math.Ceiling(f.From)); d < Math.Min(census.Days, f.To); d++)
            {
                var fy = yearOf[d];
                fixedTotal += perDay;
                byYear[fy] = byYear.GetValueOrDefault(fy) + perDay;
                if (f.PaidBy == Commissioner.Pooled && economy.Pool is not null)
                {
                    poolSpendByYear[fy] = poolSpendByYear.GetValueOrDefault(fy) + perDay;
                }
                else
                {
                    var org = f.PaidBy == Commissioner.Pooled ? Partner(network.LeadCommissioner) : f.PaidBy;
                    byOrgYear[(org, fy)] = byOrgYear.GetValueOrDefault((org, fy)) + perDay;
                }
            }
        }
        PoolResult? pool = null;
        if (economy.Pool is { } fund)
        {
            Money contributions = Money.Zero, spend = Money.Zero;
            var shares = new Dictionary<Commissioner, Money>();
            foreach (var (fy, days) in daysByYear)
            {
                // Contributions are a year's; a horizon covering part of a year gets that part.
                decimal fraction = (decimal)days / fy.Days;
                var received = fund.Contributions.Values.Sum() * fraction;
                var spent = poolSpendByYear.GetValueOrDefault(fy);
                contributions += received;
                spend += spent;
                foreach (var partner in Partners(fund))
                {
                    // A partner pays its contribution and bears its share of the result.
                    var cost = (fund.Contributions.GetValueOrDefault(partner) * fraction) - (fund.ShareOf(partner) * (received - spent));
                    byOrgYear[(partner, fy)] = byOrgYear.GetValueOrDefault((partner, fy)) + cost;
                }
            }
            foreach (var partner in Partners(fund))
            {
                shares[partner] = fund.ShareOf(partner) * (contributions - spend);
            }
            pool = new PoolResult(contributions, spend, shares);
        }
        var byOrg = new Dictionary<Commissioner, Money> { [Commissioner.Nhs] = Money.Zero, [Commissioner.SocialCare] = Money.Zero };
        foreach (var ((org, _), cost) in byOrgYear)
        {
            byOrg[org] = byOrg.GetValueOrDefault(org) + cost;
        }
        return new CostBreakdown(byService, byYear, byOrg, byOrgYear, fixedTotal, pool, Money.FromPounds(funded));
    }

    /// <summary>Everyone with a contribution or a fixed share of the result.</summary>
    private static IEnumerable<Commissioner> Partners(PooledFund fund) => fund.Contributions.Keys.Union(fund.Shares?.Keys ?? []).Order();

    private static Commissioner Partner(Responsibility lead) => lead == Responsibility.SocialCare ? Commissioner.SocialCare : Commissioner.Nhs;
}
