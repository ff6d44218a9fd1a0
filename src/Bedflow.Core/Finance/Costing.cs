using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Finance;

/// <summary>
/// Costs a replication from its midnight census. Each place held at midnight is a bed-day at the
/// service's occupied price — except a delayed patient in an acute bed, priced at the excess
/// bed-day price instead (never both); funded places at the funded price; units of demand (carer
/// hours a week) in use at the unit price ÷ 7 a day, and units of capacity in force at the funded
/// unit price ÷ 7 a day; admissions at the admission price; fixed costs spread evenly over their
/// days. Unmet demand — planned patients turned away and patient-hours waited for an acute bed,
/// counted as the harms count them — is priced on its own, in the total only when the prices say so.
/// </summary>
public static class Costing
{
    /// <summary>The cost of one replication over the horizon.</summary>
    /// <param name="network">The network run.</param>
    /// <param name="economy">Its prices, fixed costs and pooled fund.</param>
    /// <param name="replication">The replication, with its daily census.</param>
    /// <param name="horizon">The reported period the replication ran (<see cref="RunOptions.Horizon"/>): patient-hours waited are its time-average queue × 24 × its days.</param>
    /// <exception cref="InvalidOperationException">The run kept no daily census.</exception>
    public static CostBreakdown Of(Network network, Economy economy, ReplicationResult replication, Days horizon)
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
            decimal fundedUnit = p.FundedUnit.Pounds;
            decimal serviceTotal = 0;
            for (int d = 0; d < census.Days; d++)
            {
                int occupied = census.Occupied[s][d];
                int delayed = excessApplies ? census.Blocked[s][d] : 0;
                // Capacity is places, or units (carer hours a week) with a demand: funded_unit is a week's, so ÷ 7 a day as per_unit.
                decimal fundedToday = census.CapacityOn(s, d).TryGetPlaces(out int places) ? (places * fundedDay) + (places * fundedUnit / 7) : 0;
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
        var unmet = Unmet(network, economy.Prices, replication, horizon);
        if (economy.Prices.Unmet is { InTotal: true } inTotal && unmet.Total != Money.Zero)
        {
            // Turned away and waited over the whole period: spread evenly over its days, as a fixed cost is.
            foreach (var (fy, days) in daysByYear)
            {
                var part = unmet.Total * days / census.Days;
                byYear[fy] = byYear.GetValueOrDefault(fy) + part;
                byOrgYear[(inTotal.PaidBy, fy)] = byOrgYear.GetValueOrDefault((inTotal.PaidBy, fy)) + part;
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
        return new CostBreakdown(byService, byYear, byOrg, byOrgYear, fixedTotal, pool, Money.FromPounds(funded), unmet);
    }

    /// <summary>The price of the demand a replication did not meet (<see cref="FrontDoor"/>'s counts, the harms' own).</summary>
    private static UnmetDemand Unmet(Network network, PriceList prices, ReplicationResult replication, Days horizon)
    {
        double turnedAway = FrontDoor.PlannedTurnedAway(replication, FrontDoor.EmergencyStreams(network));
        int[] acute = FrontDoor.AcuteServices(network);
        double hours = acute.Length == 0 ? 0 : FrontDoor.HoursWaitedForAcuteBedPerDay(replication, acute) * horizon.TotalDays;
        return new UnmetDemand(
            turnedAway,
            hours,
            prices.ElectiveTurnedAwayPrice * (decimal)turnedAway,
            prices.Unmet.HourWaitingForBed * (decimal)hours,
            prices.Unmet.PaidBy,
            prices.Unmet.InTotal);
    }

    /// <summary>Everyone with a contribution or a fixed share of the result.</summary>
    private static IEnumerable<Commissioner> Partners(PooledFund fund) => fund.Contributions.Keys.Union(fund.Shares?.Keys ?? []).Order();

    private static Commissioner Partner(Responsibility lead) => lead == Responsibility.SocialCare ? Commissioner.SocialCare : Commissioner.Nhs;
}
