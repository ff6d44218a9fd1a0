using Bedflow.Core.Model;
using Bedflow.Core.Statistics.Fitting;

namespace Bedflow.Core.Calibration;

/// <summary>
/// Everything a register says about a scenario: each service's length of stay and routing, and
/// the arrivals of the streams entering it, fitted; and what could not be matched either way.
/// Immutable.
/// </summary>
/// <param name="Evidence">The register's samples.</param>
/// <param name="Stays">Lengths of stay, fitted or why not, for each register service the scenario has.</param>
/// <param name="Routing">Routing fitted, for each register service whose routing the scenario gives for all groups at once.</param>
/// <param name="Arrivals">Arrivals fitted, for each service that streams enter.</param>
/// <param name="NotInScenario">Register services the scenario has no service of that name for.</param>
/// <param name="NotInRegister">Scenario services whose beds count for the SitRep that the register has no stays of.</param>
public sealed record RegisterCalibration(
    RegisterEvidence Evidence,
    IReadOnlyList<StayCalibration> Stays,
    IReadOnlyList<RoutingCalibration> Routing,
    IReadOnlyList<ArrivalCalibration> Arrivals,
    IReadOnlyList<string> NotInScenario,
    IReadOnlyList<string> NotInRegister)
{
    /// <summary>The process steps (referrals, brokerage, searches) fitted from the split of each transfer's delay into time while its destination had a free place and time while it was full.</summary>
    public IReadOnlyList<ProcessTimeCalibration> ProcessTimes { get; init; } = [];

    /// <summary>Patient or family choice fitted for the services with <c>choice:</c> the register's patients went to.</summary>
    public IReadOnlyList<ChoiceCalibration> Choices { get; init; } = [];

    /// <summary>Fits <paramref name="evidence"/> onto <paramref name="network"/>.</summary>
    /// <param name="network">The scenario.</param>
    /// <param name="evidence">The register's samples.</param>
    /// <param name="options">Fitting options.</param>
    /// <param name="keepFamily">Services whose length-of-stay family must be kept when a process time is fitted (a <c>calibrate:</c> section names one of its parameters).</param>
    public static RegisterCalibration Of(Network network, RegisterEvidence evidence, StayFitOptions? options = null, IReadOnlySet<string>? keepFamily = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(evidence);
        var matched = evidence.Services.Where(s => network.ServiceIndex(s.Service) >= 0).ToList();
        var settings = ServiceDelays.For(network);
        return new RegisterCalibration(
            evidence,
            [.. matched.Select(s => StayCalibration.Of(network, s, options)!)],
            [.. matched.Select(s => RoutingCalibration.Of(network, s)).OfType<RoutingCalibration>()],
            [.. matched.Select(s => ArrivalCalibration.Of(network, evidence, s)).OfType<ArrivalCalibration>()],
            [.. evidence.Services.Where(s => network.ServiceIndex(s.Service) < 0).Select(s => s.Service)],
            [.. network.Services.Select((s, i) => (s, i))
                .Where(x => settings[x.i].Beds != Vocabulary.SitRepBeds.None && x.s.Role != ServiceRole.Resource && evidence.For(x.s.Name) is null)
                .Select(x => x.s.Name)])
        {
            ProcessTimes = ProcessTimeCalibration.Of(network, evidence, keepFamily, options),
            Choices = ChoiceCalibration.Of(network, evidence, options),
        };
    }
}
