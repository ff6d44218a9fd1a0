using Bedflow.Core.Model;
using Bedflow.Core.Statistics;

namespace Bedflow.Core.Calibration;

/// <summary>
/// The arrival streams entering one service, fitted from a register's admissions from outside a
/// day at a time (<see cref="ArrivalRateFit"/>: a base rate with month-of-year and day-of-week
/// factors). Immutable.
/// </summary>
/// <remarks>
/// A register sees admissions, not arrivals: a patient who waited for a bed is counted on the day
/// they were admitted, and one turned away or diverted not at all. Where queues at the front door
/// are short (as they should be), the two are close. A register does not say which stream a
/// patient came by (emergency or planned), whose seasons and weeks differ (planned admissions
/// come on weekdays): with one stream entering the service, its base rate and factors are the
/// fit's; with several, each keeps its own shape and every base rate is scaled by one factor,
/// the register's admissions over the scenario's expected arrivals in the window
/// (<see cref="Scale"/>, with its Poisson interval, widened when the counts are over-dispersed).
/// </remarks>
/// <param name="Service">The service entered.</param>
/// <param name="Fit">The fit of all its admissions from outside.</param>
/// <param name="Expected">The scenario's expected arrivals to the service over the window (all its streams).</param>
/// <param name="Scale">The register's admissions ÷ <paramref name="Expected"/>, with its 95% interval.</param>
/// <param name="Streams">Each stream entering the service: its base rate in the scenario and fitted.</param>
public sealed record ArrivalCalibration(string Service, ArrivalRateFit Fit, double Expected, FittedValue Scale, IReadOnlyList<FittedArrivals> Streams)
{
    /// <summary>Whether one stream enters the service, so its month and weekday factors are the fit's own.</summary>
    public bool Separable => Streams.Count == 1;

    /// <summary>
    /// Planned streams into the service that it may turn away or divert (it has a queue limit):
    /// the register never sees them, so the fitted rates are low by those patients.
    /// </summary>
    public IReadOnlyList<string> MayTurnAway { get; init; } = [];

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
        // Expected arrivals over the window, each stream's rate integrated hour by hour.
        double offset = (evidence.From - network.StartDate.ToDateTime(TimeOnly.MinValue)).TotalDays;
        double[] expected = [.. streams.Select(s => Integral(s.Rate, offset, offset + evidence.Days))];
        double total = expected.Sum();
        long n = service.AdmissionsByDay.Sum();
        double scale = total > 0 ? n / total : double.NaN;
        // Poisson: the count's standard error √n, times √dispersion when over-dispersed.
        double se = Math.Sqrt(n * (fit.Overdispersed ? fit.Dispersion : 1)) / total;
        var interval = new FittedValue(scale, Math.Max(0, scale - (1.959963984540054 * se)), scale + (1.959963984540054 * se));
        var definition = network.Services[network.ServiceIndex(service.Service)];
        return new ArrivalCalibration(service.Service, fit, total, interval,
            [.. streams.Select(s => new FittedArrivals(s.Name, BaseRate(s.Rate), streams.Count == 1 ? fit.BaseRate.Value : BaseRate(s.Rate) * scale))])
        {
            MayTurnAway = definition.QueueLimit is null ? [] : [.. streams.Where(s => s.Kind == ArrivalKind.Planned).Select(s => s.Name)],
        };
    }

    private static double BaseRate(ArrivalRate rate) => rate is SeasonalRate r ? r.BaseRate.PerDay : rate.At(0);

    private static double Integral(ArrivalRate rate, double from, double to)
    {
        const double step = 1.0 / 24;
        double sum = 0;
        for (double t = from + (step / 2); t < to; t += step)
        {
            sum += rate.At(t) * step;
        }
        return sum;
    }
}

/// <summary>One arrival stream's base rate a day, in the scenario and fitted.</summary>
/// <param name="Stream">The stream.</param>
/// <param name="Was">Its base rate in the scenario.</param>
/// <param name="Fitted">Its fitted base rate.</param>
public sealed record FittedArrivals(string Stream, double Was, double Fitted);
