using System.Globalization;
using Bedflow.Core.Model;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// The words of sizing before running (<see cref="OfferedLoad"/>): Core finds the services
/// near or over capacity as data, the scenario's reader says so in the file's terms (its keys,
/// UK dates, thousands separators) for validate, run and the web app alike.
/// </summary>
public static class LoadWords
{
    // Invariant: English month names and 1,234 separators, as a UK reader writes them (the app runs in invariant-globalization mode).
    private static readonly CultureInfo Uk = CultureInfo.InvariantCulture;

    /// <summary>The finding as a sentence, e.g. "offered 1,243 beds' worth of patients for 1,100 beds (113%, the mean over the report): it cannot keep up …".</summary>
    public static string Message(LoadFinding finding, ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(service);
        var f = finding.Figure;
        string unit = Unit(service);
        string offered = $"offered {Amount(f.Offered)} {unit}' worth of patients for {Amount(f.Capacity ?? 0)} {unit}";
        offered += finding.Basis == LoadBasis.Month
            ? $" in {f.From.ToString("MMMM yyyy", Uk)}, its busiest month ({Percent(f.Ratio)} of the capacity in force then; {Percent(finding.Load.Mean.Ratio)} over the report)"
            : $" on average over the report ({Percent(f.Ratio)})";
        string allowed = finding.Allowed ? " The scenario allows it (allow_overload: true), so the run goes ahead." : "";
        string remedy = finding.Allowed ? "" : " Add capacity, shorten stays or send fewer patients here; or, if the overload is deliberate (a stress test), set allow_overload: true on the service.";
        string planned = f.Planned > 0 ? $" Planned arrivals it may turn away bring {Amount(f.Planned)} of it; the rest alone is too much." : "";
        return finding.Level switch
        {
            LoadLevel.Unbounded =>
                $"patients of group {string.Join(", ", finding.Load.UnboundedGroups)} who come here can never leave the network: every route out leads back in, so its load grows without bound. Give the loop a way out.{allowed}",
            LoadLevel.Over when finding.Basis == LoadBasis.Month =>
                $"{offered}: it cannot keep up that month, so queues build until demand falls.{planned}",
            LoadLevel.Over =>
                $"{offered}: it cannot keep up, so its queue grows all run long and the network gridlocks behind it. That is the least it needs: blocking only adds to it.{planned}{remedy}{allowed}",
            LoadLevel.TurnsAway =>
                $"{offered}: it keeps up only by turning away (or diverting) planned arrivals, who bring {Amount(f.Planned)} of it.",
            _ =>
                $"{offered}: this close to capacity, queues and blocking will be long, and a small rise in demand overloads it.",
        };
    }

    /// <summary>Every finding of <paramref name="network"/> over <paramref name="horizonDays"/>, worded, at its model path.</summary>
    public static IReadOnlyList<ModelProblem> Problems(Network network, double horizonDays)
    {
        ArgumentNullException.ThrowIfNull(network);
        var load = network.OfferedLoad(horizonDays);
        return [.. load.Findings(network).Select(f => f.Problem(Message(f, network.Services[network.ServiceIndex(f.Load.Service)])))];
    }

    /// <summary>What a service's capacity counts: beds, places, or units of its demand.</summary>
    public static string Unit(ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Demand is not null)
        {
            return "units";
        }
        return service.Kind switch
        {
            ServiceKind.Acute or ServiceKind.CommunityHospital or ServiceKind.IntermediateCare or ServiceKind.StepUp or ServiceKind.MentalHealth => "beds",
            _ when service.Role == ServiceRole.Resource => "staff",
            _ => "places",
        };
    }

    /// <summary>A load or capacity: whole numbers from 100 up, one decimal below.</summary>
    public static string Amount(double value) =>
        double.IsPositiveInfinity(value) ? "unbounded" : value.ToString(Math.Abs(value) >= 100 ? "N0" : "N1", Uk);

    /// <summary>A ratio as a percentage with one decimal where it matters (99.6%, not 100%).</summary>
    public static string Percent(double? ratio) => ratio switch
    {
        null => "no limit",
        double.PositiveInfinity => "no capacity",
        var r => (r.Value * 100).ToString("0.#", Uk) + "%",
    };
}
