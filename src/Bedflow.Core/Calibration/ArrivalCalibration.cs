using Bedflow.Core.Model;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Calibration;

/// <summary>
/// The arrival streams entering one service, fitted from a register's admissions from outside a
/// day at a time: a base rate with month-of-year and day-of-week factors (<see cref="ArrivalRateFit"/>),
/// shared among the service's streams. Immutable.
/// </summary>
/// <remarks>
/// A register sees admissions, not arrivals: a patient who waited for a bed is counted on the day
/// they were admitted, and one turned away or diverted not at all. Where queues at the front door
/// are short (as they should be), the two are close. A register does not say which stream a
/// patient came by (emergency or planned): the fitted total is shared among the streams entering
/// the service in proportion to their base rates in the scenario, with the same factors.
/// </remarks>
/// <param name="Service">The service entered.</param>
/// <param name="Fit">The fit of all its admissions from outside.</param>
/// <param name="Streams">Each stream entering the service with its share of <see cref="Fit"/>'s base rate.</param>
public sealed record ArrivalCalibration(string Service, ArrivalRateFit Fit, IReadOnlyList<(string Stream, double Share)> Streams)
{
    /// <summary>
    /// The fit of <paramref name="service"/>'s admissions onto the streams of
    /// <paramref name="network"/> entering it; null when no stream enters it or it has no
    /// admissions from outside in the window.
    /// </summary>
    /// <exception cref="ArgumentException">The counts cannot be fitted (<see cref="ArrivalRateFit.Problems"/>).</exception>
    public static ArrivalCalibration? Of(Network network, RegisterEvidence evidence, ServiceEvidence service)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(service);
        var streams = network.Arrivals.Where(a => a.Service.Name == service.Service).ToList();
        if (streams.Count == 0 || service.AdmissionsByDay.Sum() == 0)
        {
            return null;
        }
        var fit = ArrivalRateFit.Of(DateOnly.FromDateTime(evidence.From), [.. service.AdmissionsByDay.Select(n => (int?)n)]);
        double[] rates = [.. streams.Select(s => s.Rate is SeasonalRate r ? r.BaseRate.PerDay : s.Rate.At(0))];
        double total = rates.Sum();
        return new ArrivalCalibration(service.Service, fit,
            [.. streams.Select((s, i) => (s.Name, total > 0 ? rates[i] / total : 1.0 / streams.Count))]);
    }
}
