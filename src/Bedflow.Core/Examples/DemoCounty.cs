using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Examples;

/// <summary>
/// A small, made-up county health and social care economy, built in code: the demo that the
/// first README command runs until scenario files arrive, and the standard network of the
/// speed benchmark. Its numbers are illustrative, not Oxfordshire's.
/// </summary>
public static class DemoCounty
{
    /// <summary>Winter pressure: January first, averaging 1.</summary>
    public static IReadOnlyList<double> MonthFactors { get; } = [1.10, 1.06, 1.02, 0.98, 0.96, 0.94, 0.95, 0.93, 0.96, 1.00, 1.04, 1.06];

    /// <summary>Fewer emergency admissions at weekends: Monday first, averaging 1.</summary>
    public static IReadOnlyList<double> WeekdayFactors { get; } = [1.12, 1.05, 1.02, 1.02, 1.04, 0.88, 0.87];

    /// <summary>The network: acute wards, community hospital, intermediate care, step-up beds, reablement, home care and care homes.</summary>
    public static Network Create(DateOnly? startDate = null)
    {
        var start = startDate ?? new DateOnly(2016, 4, 1);
        return (new NetworkBuilder()
            .StartingOn(start)
            .Groups("frail", "other")
            .Exits("died")
            .Service(new ServiceDefinition
            {
                Name = "acute",
                Kind = ServiceKind.Acute,
                Capacity = 395,
                LengthOfStay = Distribution.LogNormal(3.5, 4),
                LengthOfStayByGroup = new Dictionary<string, Distribution> { ["frail"] = Distribution.LogNormal(7, 7) },
                // Elective patients who find no bed are cancelled; emergencies always wait.
                QueueLimit = 0,
            })
            .Service("community_hospital", 77, Distribution.LogNormal(21, 14), kind: ServiceKind.CommunityHospital)
            .Service("intermediate_care", 33, Distribution.Gamma(4, 3.5), kind: ServiceKind.IntermediateCare)
            .Service("step_up", 16, Distribution.Gamma(3, 3), queueLimit: 0, kind: ServiceKind.StepUp)
            .Service("reablement", 120, Distribution.Exponential(14), kind: ServiceKind.Reablement)
            .Service("home_care", 440, Distribution.Exponential(100), kind: ServiceKind.HomeCare)
            .Service("residential_home", 335, Distribution.Weibull(0.9, 220), kind: ServiceKind.ResidentialHome)
            .Service("nursing_home", 150, Distribution.Weibull(0.9, 170), kind: ServiceKind.NursingHome)
            .Arrivals(new ArrivalStreamDefinition
            {
                Name = "emergency",
                Service = ServiceId.Of("acute"),
                Kind = ArrivalKind.Emergency,
                Rate = new SeasonalRate(start, RatePerDay.Of(68), monthFactors: MonthFactors, weekdayFactors: WeekdayFactors),
                GroupMix = new Dictionary<string, double> { ["frail"] = 0.3, ["other"] = 0.7 },
            })
            .Arrivals(new ArrivalStreamDefinition
            {
                Name = "elective",
                Service = ServiceId.Of("acute"),
                Kind = ArrivalKind.Planned,
                Rate = new SeasonalRate(start, RatePerDay.Of(12), weekdayFactors: [1.3, 1.3, 1.3, 1.3, 1.3, 0.25, 0.25]),
                GroupMix = new Dictionary<string, double> { ["frail"] = 0.1, ["other"] = 0.9 },
            })
            .Arrivals(new ArrivalStreamDefinition
            {
                Name = "gp_step_up",
                Service = ServiceId.Of("step_up"),
                Kind = ArrivalKind.Planned,
                Rate = new SeasonalRate(start, RatePerDay.Of(1.5), monthFactors: MonthFactors),
                GroupMix = new Dictionary<string, double> { ["frail"] = 1.0 },
                DivertTo = ServiceId.Of("acute"),
            })
            .RouteGroup("acute", "frail", ("home", 0.41), ("community_hospital", 0.16), ("intermediate_care", 0.10), ("reablement", 0.20),
                ("residential_home", 0.03), ("nursing_home", 0.02), ("died", 0.08))
            .RouteGroup("acute", "other", ("home", 0.93), ("reablement", 0.03), ("died", 0.04))
            .Route("community_hospital", ("home", 0.52), ("reablement", 0.25), ("residential_home", 0.08), ("nursing_home", 0.05), ("died", 0.10))
            .Route("intermediate_care", ("home", 0.55), ("reablement", 0.25), ("home_care", 0.12), ("residential_home", 0.05), ("died", 0.03))
            .Route("step_up", ("home", 0.7), ("reablement", 0.2), ("acute", 0.1))
            .Route("reablement", ("home", 0.55), ("home_care", 0.45))
            .Route("home_care", ("home", 0.52), ("residential_home", 0.08), ("died", 0.40))
            .Route("residential_home", ("died", 0.9), ("nursing_home", 0.1))
            .Route("nursing_home", "died")
            .Build() with
            {
                // Illustrative: about the population a 395-bed acute trust serves.
                Population = new Population(260_000, 205_000),
                ExitPathways = new Dictionary<string, DischargePathway?> { ["died"] = null },
            }).EnsureValid();
    }
}
