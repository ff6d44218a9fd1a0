using Bedflow.Core.Delays;
using Bedflow.Core.Statistics.Fitting;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Calibration;

/// <summary>
/// What a register says about each of its services over a window, as the samples calibration
/// fits: each stay's time to ready for transfer (right-censored for patients not yet ready),
/// where each stay went (the same patient's next stay, or a discharge pathway), admissions from
/// outside and transfers in, a day at a time, and the delays from ready to leaving. Immutable.
/// </summary>
/// <remarks>
/// <para>
/// A stay <em>counts</em> when it was admitted in the window [<see cref="From"/>, <see cref="AsOf"/>):
/// a stay admitted before the window is in the data only because it was still there when the
/// window opened, and long stays would be over-represented (length bias). Its time to ready is
/// observed when it was ready by <see cref="AsOf"/>; otherwise it is censored at its discharge (it
/// left without becoming ready, e.g. died) or at <see cref="AsOf"/>.
/// </para>
/// <para>
/// A patient's stays are linked into a path: a stay ending at time x is a <em>transfer</em> to the
/// patient's next stay when that one was admitted within <see cref="LinkWindow"/> of x (the
/// simulator's are admitted the minute the previous stay ends; a real transfer within hours); a
/// stay that is not a transfer in is an <em>admission from outside</em>. A stay whose patient has
/// not left by <see cref="AsOf"/> has no destination yet.
/// </para>
/// </remarks>
public sealed class RegisterEvidence
{
    private RegisterEvidence(DateTime from, DateTime asOf, TimeSpan link, IReadOnlyList<ServiceEvidence> services)
    {
        From = from;
        AsOf = asOf;
        LinkWindow = link;
        Services = services;
    }

    /// <summary>
    /// Days before the data end after which a patient's becoming ready is too late for its
    /// departure to be used (<see cref="ServiceEvidence.Departures"/>): half the window when that is shorter.
    /// </summary>
    public const double SettleDays = 28;

    /// <summary>The first moment of the window.</summary>
    public DateTime From { get; }

    /// <summary>The end of the window: when the data end (the extract's date).</summary>
    public DateTime AsOf { get; }

    /// <summary>How soon after a stay ends the patient's next stay must begin to be a transfer.</summary>
    public TimeSpan LinkWindow { get; }

    /// <summary>Every service in the data, by name.</summary>
    public IReadOnlyList<ServiceEvidence> Services { get; }

    /// <summary>Whole days in the window: the length of <see cref="ServiceEvidence.AdmissionsByDay"/> (a part of a day at the end is left out of the admissions).</summary>
    public int Days => Math.Max(1, (int)Math.Floor((AsOf - From).TotalDays));

    /// <summary>The service called <paramref name="service"/>, or null when the data have none.</summary>
    public ServiceEvidence? For(string service) => Services.FirstOrDefault(s => s.Service == service);

    /// <summary>The evidence of <paramref name="stays"/> over [<paramref name="from"/>, <paramref name="asOf"/>).</summary>
    /// <param name="stays">Stays, in any order.</param>
    /// <param name="from">The window's first moment.</param>
    /// <param name="asOf">When the data end; after <paramref name="from"/>.</param>
    /// <param name="linkWindow">How soon the next stay must begin to be a transfer (default: one day).</param>
    public static RegisterEvidence Of(IEnumerable<ObservedStay> stays, DateTime from, DateTime asOf, TimeSpan? linkWindow = null)
    {
        ArgumentNullException.ThrowIfNull(stays);
        if (asOf <= from)
        {
            throw new ArgumentException($"the window must end after it starts ({from:yyyy-MM-dd HH:mm} to {asOf:yyyy-MM-dd HH:mm}).", nameof(asOf));
        }
        var link = linkWindow ?? TimeSpan.FromDays(1);
        Preconditions.NonNegative(link.TotalDays, nameof(linkWindow));
        // Whole days only: admissions on a part of a day the data end in would read as a day's worth too few.
        int days = Math.Max(1, (int)Math.Floor((asOf - from).TotalDays));
        // Departures are taken from patients ready by SettleDays before the data end: some of those
        // ready later are still waiting then, the longest waits most, and to leave out only them
        // would bias every wait short.
        var settled = asOf - TimeSpan.FromDays(Math.Min(SettleDays, (asOf - from).TotalDays / 2));
        var builders = new SortedDictionary<string, Builder>(StringComparer.Ordinal);
        var all = stays.Where(s => s.Stay.Admitted < asOf).ToList();
        foreach (var path in all.GroupBy(s => s.Patient))
        {
            var ordered = path.Select(s => s.Stay).OrderBy(s => s.Admitted).ToList();
            for (int i = 0; i < ordered.Count; i++)
            {
                var stay = ordered[i];
                if (!builders.TryGetValue(stay.Service, out var b))
                {
                    builders[stay.Service] = b = new Builder(stay.Service, stay.Beds, days);
                }
                var next = i + 1 < ordered.Count ? ordered[i + 1] : null;
                var previous = i > 0 ? ordered[i - 1] : null;
                bool transferIn = previous?.Exit is { } px && stay.Admitted >= px && stay.Admitted - px <= link;
                bool counts = stay.Admitted >= from;
                if (counts)
                {
                    int day = (int)Math.Floor((stay.Admitted - from).TotalDays);
                    if (day < days)
                    {
                        (transferIn ? b.TransfersIn : b.Admissions)[day]++;
                    }
                    b.Times.Add(TimeToReady(stay, asOf));
                }
                var exit = stay.Exit is { } x && x <= asOf ? x : (DateTime?)null;
                if (exit is { } e && e >= from)
                {
                    bool transferOut = next is not null && next.Admitted >= e && next.Admitted - e <= link;
                    var destination = transferOut ? Destination.To(next!.Service) : Destination.Discharged(stay.Pathway);
                    b.Next[destination] = b.Next.GetValueOrDefault(destination) + 1;
                    if (stay.Ready is { } ready && ready >= from && ready <= settled && e >= ready)
                    {
                        b.Departures.Add(new Departure(destination, ready, e, stay.Reasons));
                    }
                    if (stay.Ready is { } r && e > r)
                    {
                        b.Delays.Add((e - r).TotalDays);
                        b.ChoiceDelays += stay.Reasons.Any(c => c.Reason == DelayReason.G) ? 1 : 0;
                    }
                    else if (stay.Ready is not null)
                    {
                        b.OnTime++;
                    }
                }
            }
        }
        // Each service's beds held over time, from every stay in the data (before the window too).
        var occupancy = all.GroupBy(s => s.Stay.Service).ToDictionary(g => g.Key, g => Occupancy.Of(g.Select(s => s.Stay)), StringComparer.Ordinal);
        return new RegisterEvidence(from, asOf, link, [.. builders.Values.Select(b => b.Build(occupancy[b.Service]))]);
    }

    // Observed when ready by the end of the data; else censored at discharge (left without being ready) or at the end.
    private static Stay TimeToReady(DelayRecord stay, DateTime asOf)
    {
        if (stay.Ready is { } r && r <= asOf)
        {
            return Stay.Completed(Positive(r - stay.Admitted));
        }
        var end = stay.Exit is { } x && x < asOf ? x : asOf;
        return Stay.StillIn(Positive(end - stay.Admitted));
    }

    // A stay ready (or ended) the minute it began has a time of zero, which no length-of-stay
    // family allows: half a minute, the most the minute's rounding can hide.
    private static double Positive(TimeSpan t) => Math.Max(t.TotalDays, 0.5 / (24 * 60));

    private sealed class Builder(string service, SitRepBeds beds, int days)
    {
        public string Service => service;
        public readonly List<Departure> Departures = [];
        public readonly int[] Admissions = new int[days];
        public readonly int[] TransfersIn = new int[days];
        public readonly List<Stay> Times = [];
        public readonly Dictionary<Destination, int> Next = [];
        public readonly List<double> Delays = [];
        public int ChoiceDelays;
        public int OnTime;

        public ServiceEvidence Build(Occupancy occupancy) => new()
        {
            Service = service,
            Beds = beds,
            TimesToReady = Times,
            Next = Next,
            AdmissionsByDay = Admissions,
            TransfersInByDay = TransfersIn,
            Delays = Delays,
            DischargedOnTime = OnTime,
            DelaysWithChoice = ChoiceDelays,
            Departures = Departures,
            Occupancy = occupancy,
        };
    }
}
