using Bedflow.Core.Model;
using Bedflow.Core.Randomness;
using Bedflow.Core.Statistics;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Calibration;

/// <summary>
/// One service's routing fitted from a register: the scenario's own route probabilities that
/// best explain where the register's stays went (maximum likelihood), with 95% intervals, beside
/// the register's own shares with Goodman's simultaneous intervals. Immutable.
/// </summary>
/// <remarks>
/// <para>
/// A register does not see the scenario's destinations directly. It sees a transfer to another
/// of its bed services by name; a move anywhere else only as a discharge pathway (P0 home, P1
/// home with support, P2 rehabilitation, P3 a care home) or as not a discharge (e.g. died); and
/// nothing of the stages a patient passes through while keeping the bed (a <see cref="ServiceRole.Resource"/>:
/// a referral, an assessment), only where they lead. So each scenario destination is seen as a
/// mix of what the register can see — an assessment routed on to care homes and home care is
/// seen 65% as P3 and 35% as P1 — and the register's counts are a multinomial sample with cell
/// probabilities M·p, p the route's probabilities.
/// </para>
/// <para>
/// p is fitted by maximum likelihood with the EM algorithm (Dempster, Laird and Rubin 1977),
/// started from the scenario's own probabilities, which keeps every p on the simplex. Where the
/// register cannot tell two destinations apart (home care and reablement, both P1), EM keeps them
/// in the scenario's proportion: the data say nothing about the split, and the fit says so
/// (<see cref="FittedRoute.Shared"/>). The intervals are percentile intervals of a parametric
/// bootstrap (<see cref="Replicates"/> multinomial resamples of the counts, refitted), seeded so
/// the same data give the same intervals on any machine.
/// </para>
/// </remarks>
/// <param name="Service">The service left.</param>
/// <param name="Shares">The register's own shares of what it sees (a service's name, a pathway code, or none), with Goodman's simultaneous 95% intervals.</param>
/// <param name="Probabilities">Each scenario destination with its fitted probability and 95% interval, in the scenario's order; the probabilities sum to 1.</param>
/// <param name="Unplaced">What the register saw that no scenario destination of this service can lead to, with its count: left out of the fit.</param>
public sealed record RoutingCalibration(
    string Service,
    RoutingShares Shares,
    IReadOnlyList<FittedRoute> Probabilities,
    IReadOnlyList<(Destination Destination, int Count)> Unplaced)
{
    /// <summary>Bootstrap resamples for the intervals.</summary>
    public const int Replicates = 400;

    private const int MaxIterations = 2000;
    private const double Converged = 1e-10;

    /// <summary>
    /// The fit of <paramref name="evidence"/> onto the scenario's route from its service, or null
    /// when the service's routing is by patient group (a register has no groups), the scenario
    /// gives it no route, or none of the stays that ended in the window went anywhere the route leads.
    /// </summary>
    public static RoutingCalibration? Of(Network network, ServiceEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(evidence);
        var routes = network.Routes.Where(r => r.From == evidence.Service).ToList();
        if (routes is not [{ Group: null } route] || evidence.Next.Count == 0)
        {
            return null;
        }
        var settings = ServiceDelays.For(network);
        var seenAs = route.Destinations.Select(d => SeenAs(network, settings, d.To, 1.0, 0)).ToList();
        var categories = seenAs.SelectMany(m => m.Keys).Distinct().OrderBy(c => c.ToString(), StringComparer.Ordinal).ToList();
        int[] counts = [.. categories.Select(c => evidence.Next.GetValueOrDefault(c))];
        var unplaced = evidence.Next.Where(kv => !categories.Contains(kv.Key)).Select(kv => (kv.Key, kv.Value)).OrderBy(u => u.Key.ToString(), StringComparer.Ordinal).ToList();
        if (counts.Sum() == 0)
        {
            return null;
        }
        // M[c, j]: the share of destination j's patients the register sees as category c.
        var m = new double[categories.Count, seenAs.Count];
        for (int j = 0; j < seenAs.Count; j++)
        {
            foreach (var (c, w) in seenAs[j])
            {
                m[categories.IndexOf(c), j] += w;
            }
        }
        // EM is multiplicative: a destination started at 0 stays at 0 whatever the register says,
        // so one the scenario gives no probability starts at a small share instead (the others keep
        // their proportions among themselves).
        double[] start = [.. route.Destinations.Select(d => d.Probability)];
        double least = start.Where(p => p > 0).DefaultIfEmpty(1).Min() * 0.1;
        start = [.. start.Select(p => p > 0 ? p : least)];
        double sum = start.Sum();
        start = [.. start.Select(p => p / sum)];
        double[] fitted = Em(m, counts, start);
        var (lower, upper) = Bootstrap(m, counts, start, evidence.Service);
        var shares = RoutingShares.From([.. categories.Select((c, i) => (c.ToString(), counts[i]))]);
        var probabilities = route.Destinations.Select((d, j) => new FittedRoute(
            d.To, fitted[j], lower[j], upper[j],
            [.. seenAs[j].Keys.Select(c => c.ToString())],
            Shared: seenAs[j].Keys.Any(c => Enumerable.Range(0, seenAs.Count).Any(k => k != j && seenAs[k].ContainsKey(c))))).ToList();
        return new RoutingCalibration(evidence.Service, shares, probabilities, unplaced);
    }

    /// <summary>
    /// The route probabilities p maximising the multinomial likelihood of <paramref name="counts"/>
    /// with cell probabilities M·p (EM from <paramref name="start"/>).
    /// </summary>
    internal static double[] Em(double[,] m, int[] counts, double[] start)
    {
        int cells = m.GetLength(0), k = m.GetLength(1);
        double total = counts.Sum();
        double[] p = [.. start];
        var q = new double[cells];
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            for (int c = 0; c < cells; c++)
            {
                q[c] = 0;
                for (int j = 0; j < k; j++)
                {
                    q[c] += m[c, j] * p[j];
                }
            }
            var next = new double[k];
            for (int j = 0; j < k; j++)
            {
                for (int c = 0; c < cells; c++)
                {
                    if (counts[c] > 0 && q[c] > 0)
                    {
                        next[j] += counts[c] * m[c, j] * p[j] / q[c];
                    }
                }
                next[j] /= total;
            }
            double change = 0;
            for (int j = 0; j < k; j++)
            {
                change = Math.Max(change, Math.Abs(next[j] - p[j]));
            }
            p = next;
            if (change < Converged)
            {
                break;
            }
        }
        return p;
    }

    // Percentile intervals: resample the counts from their observed shares, refit, take 2.5% and 97.5%.
    private static (double[] Lower, double[] Upper) Bootstrap(double[,] m, int[] counts, double[] start, string service)
    {
        int k = start.Length, n = counts.Sum();
        double[] cumulative = new double[counts.Length];
        double running = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            running += (double)counts[c] / n;
            cumulative[c] = running;
        }
        var draws = new double[k][];
        for (int j = 0; j < k; j++)
        {
            draws[j] = new double[Replicates];
        }
        int purpose = StableHash(service);
        for (int b = 0; b < Replicates; b++)
        {
            var random = RandomStreams.ForResampling(1, b, purpose);
            var resampled = new int[counts.Length];
            for (int i = 0; i < n; i++)
            {
                double u = random.NextDouble();
                int c = Array.FindIndex(cumulative, x => u < x);
                resampled[c < 0 ? counts.Length - 1 : c]++;
            }
            double[] p = Em(m, resampled, start);
            for (int j = 0; j < k; j++)
            {
                draws[j][b] = p[j];
            }
        }
        double[] lower = new double[k], upper = new double[k];
        for (int j = 0; j < k; j++)
        {
            Array.Sort(draws[j]);
            lower[j] = draws[j][(int)Math.Floor(0.025 * (Replicates - 1))];
            upper[j] = draws[j][(int)Math.Ceiling(0.975 * (Replicates - 1))];
        }
        return (lower, upper);
    }

    // How a register sees a patient sent to `to`: by name if it is a bed service the SitRep
    // counts; through a resource (kept in the bed) to where the resource leads; otherwise by the
    // pathway of the move. A mix, weighted.
    internal static Dictionary<Destination, double> SeenAs(Network network, IReadOnlyList<ServiceDelays> settings, string to, double weight, int depth)
    {
        var seen = new Dictionary<Destination, double>();
        int i = network.ServiceIndex(to);
        if (i < 0)
        {
            seen[Destination.Discharged(network.ExitPathways.TryGetValue(to, out var pathway) ? pathway : DischargePathway.P0)] = weight;
            return seen;
        }
        var service = network.Services[i];
        if (service.Role == ServiceRole.Resource && depth < network.Services.Count)
        {
            // Where the resource leads, for all groups at once, or averaged over its group routes.
            var routes = network.Routes.Where(r => r.From == to).ToList();
            var used = routes.Where(r => r.Group is null).ToList() is { Count: > 0 } common ? common : routes;
            foreach (var r in used)
            {
                foreach (var (next, probability) in r.Destinations)
                {
                    foreach (var (c, w) in SeenAs(network, settings, next, weight * probability / used.Count, depth + 1))
                    {
                        seen[c] = seen.GetValueOrDefault(c) + w;
                    }
                }
            }
            return seen;
        }
        seen[settings[i].Beds != SitRepBeds.None ? Destination.To(to) : Destination.Discharged(settings[i].Pathway)] = weight;
        return seen;
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            int h = 17;
            foreach (char c in text)
            {
                h = (h * 31) + c;
            }
            return h & int.MaxValue;
        }
    }
}

/// <summary>A scenario destination's fitted probability with its 95% interval.</summary>
/// <param name="To">The destination (a service or an exit).</param>
/// <param name="Probability">The fitted probability.</param>
/// <param name="Lower">The 95% interval's lower end (bootstrap percentile; this destination's own interval, not a simultaneous one).</param>
/// <param name="Upper">The 95% interval's upper end.</param>
/// <param name="SeenAs">What a register sees of the patients sent here (service names, pathway codes, none).</param>
/// <param name="Shared">True when the register sees some of them as it sees another destination's: the split between the two rests partly on the scenario's own proportions.</param>
public sealed record FittedRoute(string To, double Probability, double Lower, double Upper, IReadOnlyList<string> SeenAs, bool Shared);
