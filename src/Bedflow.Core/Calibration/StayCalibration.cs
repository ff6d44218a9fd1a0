using Bedflow.Core.Model;
using Bedflow.Core.Statistics.Fitting;

namespace Bedflow.Core.Calibration;

/// <summary>
/// A service's length of stay (admission to ready for transfer) fitted from a register's stays:
/// every family by maximum likelihood with right-censoring, the lowest AIC chosen
/// (<see cref="StayFit"/>), or why it could not be fitted. Immutable.
/// </summary>
/// <param name="Service">The service.</param>
/// <param name="Fit">The fit; null when not fitted.</param>
/// <param name="Problems">Why not (too few completed stays, all censored …); empty when fitted.</param>
/// <param name="ByGroup">True when the scenario gives the service a length of stay per patient group, which a register (without groups) cannot fit: not fitted.</param>
public sealed record StayCalibration(string Service, StayFit? Fit, IReadOnlyList<StayFitProblem> Problems, bool ByGroup)
{
    /// <summary>The fit of <paramref name="evidence"/>'s stays to <paramref name="network"/>'s service of the same name; null when the scenario has no such service.</summary>
    public static StayCalibration? Of(Network network, ServiceEvidence evidence, StayFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(evidence);
        int i = network.ServiceIndex(evidence.Service);
        if (i < 0)
        {
            return null;
        }
        if (network.Services[i].LengthOfStayByGroup.Count > 0)
        {
            return new StayCalibration(evidence.Service, null, [], ByGroup: true);
        }
        var problems = StayFit.Problems(evidence.TimesToReady, options);
        return problems.Count > 0
            ? new StayCalibration(evidence.Service, null, problems, ByGroup: false)
            : new StayCalibration(evidence.Service, StayFit.Of(evidence.TimesToReady, options: options), [], ByGroup: false);
    }
}
