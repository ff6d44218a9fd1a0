using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Calibration;

/// <summary>
/// A starting model of any English council worked out from its adults and its published year
/// alone (docs/calibration.md, "A model for any council"): emergency admissions to an acute
/// service from the adults; from acute, a share of patients to one process-time stage per
/// published reason and responsible organisation (the patient keeps its bed while the stage
/// lasts: referral, brokerage, a search, funding…), then on to the service it leads to; the
/// stage's mean time set by Little's law so the reason's expected delayed days are the published
/// ones; patient choice (G) as a choice wait before a care home; downstream places sized from the
/// flow balance with a square-root margin so that almost nobody waits for a place; the year's
/// shape as monthly factors on admissions. Pure arithmetic; immutable.
/// </summary>
public sealed record CouncilDesign
{
    /// <summary>Adult emergency admissions a year per adult (about 4.9 million adults' emergency admissions in England in 2016/17 over 44 million adults: an assumption, docs/calibration.md).</summary>
    public const double AdmissionsPerAdultYear = 0.11;

    /// <summary>Mean acute length of stay of an adult emergency admission, days (an assumption).</summary>
    public const double AcuteStayMean = 5;

    /// <summary>Share of acute stays ending in death (an assumption).</summary>
    public const double AcuteDeaths = 0.035;

    /// <summary>The share of patients heading for a care home who wait for their own choice of home.</summary>
    public const double ChoiceShare = 0.5;

    /// <summary>The square-root margin: places = a + <see cref="Margin"/>·√a for an offered load a (Halfin–Whitt: almost nobody waits).</summary>
    public const double Margin = 3;

    /// <summary>
    /// Days from an admission to its delayed days, on average: the acute stay, then (a delay's
    /// days being spread over its wait) about one mean stage time of 3 days. A month's delays come
    /// partly from the month before's admissions, so the admissions' factors lead the published shape.
    /// </summary>
    public const double LagDays = AcuteStayMean + 3;

    /// <summary>The base emergency admissions a day (before the month factors).</summary>
    public required double AdmissionsPerDay { get; init; }

    /// <summary>The month factors of admissions, January first, averaging 1: the published delayed days a day of each month over their mean.</summary>
    public required IReadOnlyList<double> MonthFactors { get; init; }

    /// <summary>Σ over the year's days of the month factor: admissions over the year = <see cref="AdmissionsPerDay"/> × this.</summary>
    public required double ExposureDays { get; init; }

    /// <summary>The process-time stages from acute, one per (reason, organisation) with published days.</summary>
    public required IReadOnlyList<CouncilStage> Stages { get; init; }

    /// <summary>The choice waits before each care home (G).</summary>
    public required IReadOnlyList<CouncilChoice> Choices { get; init; }

    /// <summary>The services patients go on to, and acute itself, each with its flow, stay and size.</summary>
    public required IReadOnlyList<CouncilPlace> Places { get; init; }

    /// <summary>Share of acute patients going straight home (the rest of the routing: stages, deaths, direct moves).</summary>
    public required double HomeShare { get; init; }

    /// <summary>Acute routes that lead straight to a place without a stage (a pathway whose reason had no published days).</summary>
    public required IReadOnlyDictionary<string, double> DirectShares { get; init; }

    /// <summary>The split of the published days by reason and organisation the stages reproduce.</summary>
    public required ReasonResponsibility Mix { get; init; }

    /// <summary>Expected delayed days of the year by reason (Little's law on the design).</summary>
    public IReadOnlyDictionary<DelayReason, double> ExpectedByReason =>
        Stages.Select(s => (s.Reason, s.ExpectedDays)).Concat(Choices.Select(c => (DelayReason.G, c.ExpectedDays)))
            .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.Sum(x => x.Item2));

    /// <summary>
    /// The design for a council of <paramref name="adults"/> whose published year is
    /// <paramref name="months"/> (12 months, April first, each with its reasons and organisations).
    /// </summary>
    public static CouncilDesign Of(long adults, FinancialYear year, IReadOnlyList<MonthlyDelays> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentOutOfRangeException.ThrowIfLessThan(adults, 1L);
        if (months.Count != 12 || months.Any(m => FinancialYear.Of(m.Month) != year))
        {
            throw new ArgumentException($"the design needs the 12 months of {year}.", nameof(months));
        }
        var perDay = new double[12];
        foreach (var m in months)
        {
            perDay[m.Month.Month - 1] = m.Total / DateTime.DaysInMonth(m.Month.Year, m.Month.Month);
        }
        double mean = perDay.Average();
        double[] shape = [.. perDay.Select(p => mean > 0 ? p / mean : 1)];
        double[] factors = Ahead(shape, LagDays / 30.44);
        double exposure = months.Sum(m => DateTime.DaysInMonth(m.Month.Year, m.Month.Month) * factors[m.Month.Month - 1]);
        double admissions = adults * AdmissionsPerAdultYear / 365.25;
        var byReason = SitRep.Reasons.ToDictionary(r => r, r => months.Sum(m => m.ByReason.GetValueOrDefault(r)));
        var byOrg = SitRep.Responsibilities.ToDictionary(o => o, o => months.Sum(m => m.ByOrganisation.GetValueOrDefault(o)));
        var mix = ReasonResponsibility.Of(byReason.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value), byOrg);

        var stages = new List<CouncilStage>();
        var direct = new Dictionary<string, double>();
        foreach (var pathway in CouncilPathways.All)
        {
            var split = mix.Days.GetValueOrDefault(pathway.Reason);
            double days = split?.Values.Sum() ?? 0;
            if (days <= 0)
            {
                if (pathway.Destination is { } place)
                {
                    direct[place] = direct.GetValueOrDefault(place) + pathway.Share; // the pathway's patients still go there
                }
                continue;
            }
            // Little's law: days = admissions × exposure × share × mean; each patient's delay falls to one
            // organisation by a draw of its own, in the published proportions.
            var responsible = split!.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value / days);
            stages.Add(new CouncilStage(pathway, responsible, pathway.Share, days / (admissions * exposure * pathway.Share), days));
        }
        double Into(string place) => stages.Where(s => s.Pathway.Destination == place).Sum(s => s.Share) + direct.GetValueOrDefault(place);
        var choices = new List<CouncilChoice>();
        if (mix.Days.TryGetValue(DelayReason.G, out var g))
        {
            foreach (var (who, home) in new[] { (Responsibility.SocialCare, CouncilPathways.ResidentialHome), (Responsibility.Nhs, CouncilPathways.NursingHome) })
            {
                if (g.GetValueOrDefault(who) is > 0 and var d)
                {
                    choices.Add(new CouncilChoice(home, who, ChoiceShare, d / (admissions * exposure * Into(home) * ChoiceShare), d));
                }
            }
        }
        double peak = factors.Max();
        var places = new List<CouncilPlace>();
        foreach (var (name, stay) in CouncilPathways.Stays)
        {
            double rate = admissions * Into(name);
            places.Add(CouncilPlace.Sized(name, rate, stay, peak));
        }
        double held = AcuteStayMean + stages.Sum(s => s.Share * s.MeanDays) + choices.Sum(c => Into(c.Home) * c.Share * c.MeanWait);
        places.Insert(0, CouncilPlace.Sized(CouncilPathways.Acute, admissions, held, peak));
        double straightHome = 1 - AcuteDeaths - stages.Sum(s => s.Share) - direct.Values.Sum();
        return new CouncilDesign
        {
            AdmissionsPerDay = admissions, MonthFactors = factors, ExposureDays = exposure, Stages = stages, Choices = choices,
            Places = places, HomeShare = straightHome, DirectShares = direct, Mix = mix,
        };
    }

    /// <summary>
    /// The admissions' month factors (January first) that make the published shape
    /// <paramref name="shape"/> when a month's delays take a share <paramref name="w"/> of their
    /// admissions from the month before: the first-order inverse a(m) = f(m) + w(f(m) − f(m − 1)),
    /// the months in a cycle, kept above 0.05 and scaled to average 1.
    /// </summary>
    internal static double[] Ahead(double[] shape, double w)
    {
        double[] a = [.. shape.Select((f, m) => Math.Max(0.05, f + (w * (f - shape[(m + 11) % 12]))))];
        double mean = a.Average();
        return [.. a.Select(x => x / mean)];
    }
}

/// <summary>A process-time stage: patients of one pathway keeping their acute bed for <paramref name="MeanDays"/> (exponential) on average, each one's delay attributed to one organisation in the proportions <paramref name="Responsible"/>.</summary>
/// <param name="Pathway">The pathway (reason, where it leads).</param>
/// <param name="Responsible">Who the SitRep holds responsible, as shares adding to 1 (only organisations with a share).</param>
/// <param name="Share">Share of acute patients routed to it.</param>
/// <param name="MeanDays">Its mean time, days.</param>
/// <param name="ExpectedDays">The delayed days a year it is designed to make (the published days of its reason).</param>
public sealed record CouncilStage(CouncilPathway Pathway, IReadOnlyDictionary<Responsibility, double> Responsible, double Share, double MeanDays, double ExpectedDays)
{
    /// <summary>The reason of its delays.</summary>
    public DelayReason Reason => Pathway.Reason;

    /// <summary>Its service name.</summary>
    public string Name => Pathway.Stage;

    /// <summary>The organisation with the largest share (who commissions it in the file).</summary>
    public Responsibility Lead => Responsible.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
}

/// <summary>A choice wait (G) before a care home: <paramref name="Share"/> of those heading there wait <paramref name="MeanWait"/> days on average (exponential, no cap).</summary>
public sealed record CouncilChoice(string Home, Responsibility Responsible, double Share, double MeanWait, double ExpectedDays);

/// <summary>A bed or place service: its arrivals a day, mean time held a patient, and the places it needs.</summary>
/// <param name="Name">Service name.</param>
/// <param name="RatePerDay">Mean arrivals a day over the year.</param>
/// <param name="HeldDays">Mean time a patient holds a place (its stay; for acute with the stages and choice waits).</param>
/// <param name="Capacity">Places: the peak month's offered load a plus <see cref="CouncilDesign.Margin"/>·√a, rounded up.</param>
/// <param name="Occupied">Places occupied at the start: the mean offered load, rounded.</param>
public sealed record CouncilPlace(string Name, double RatePerDay, double HeldDays, int Capacity, int Occupied)
{
    /// <summary>Sized by the flow balance: offered load a = rate × held; capacity for the peak month's load with the square-root margin.</summary>
    public static CouncilPlace Sized(string name, double rate, double held, double peakFactor)
    {
        double load = rate * held, peak = load * peakFactor;
        return new CouncilPlace(name, rate, held, Math.Max(1, (int)Math.Ceiling(peak + (CouncilDesign.Margin * Math.Sqrt(peak)))), (int)Math.Round(load));
    }
}
