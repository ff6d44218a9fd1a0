using Bedflow.Core.Calibration;
using Bedflow.Core.Experiments;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Calibration;

/// <summary>History matching and the search on a model whose answer is known: months computed from the parameters, no engine.</summary>
public class HistoryMatchTests
{
    private static readonly DateOnly April = new(2016, 4, 1);

    // Delayed days a month: capacity short of 200 drives care-home delays (Di), a process time drives
    // assessment delays (A); a winter peak in January; organisations follow the reasons.
    private static IReadOnlyList<MonthlyDelays> Model(IReadOnlyList<double> x)
    {
        double capacity = x[0], process = x[1];
        return [.. Enumerable.Range(0, 12).Select(m =>
        {
            double season = 1 + (0.25 * Math.Cos(2 * Math.PI * (m - 9) / 12)); // January is month 9 from April
            double di = 20 * Math.Max(0, 220 - capacity) * season, a = 300 * process * season, c = 800 * season;
            return new MonthlyDelays(April.AddMonths(m),
                new Dictionary<DelayReason, double> { [DelayReason.A] = a, [DelayReason.Di] = di, [DelayReason.C] = c },
                new Dictionary<Responsibility, double> { [Responsibility.SocialCare] = a + di, [Responsibility.Nhs] = c });
        })];
    }

    private static readonly UnknownParameter[] Parameters =
    [
        new("services.residential_home.capacity", 100, 215, "", Whole: true),
        new("services.assessment.length_of_stay.exponential.mean", 0.5, 8, "d", Whole: false),
    ];

    [Fact]
    public void The_search_finds_parameters_that_reproduce_the_published_months_and_their_plausible_range_holds_the_truth()
    {
        var published = Model([160, 3.0]);
        var match = HistoryMatch.Run(Parameters, [200, 1.0], Model, published, designPoints: 12, maxEvaluations: 120);
        Assert.True(match.Best.Fit.MeetsTargets, $"best {string.Join(", ", match.Best.Values)}: implausibility {match.Best.Fit.Implausibility}");
        Assert.InRange(match.Best.Values[0], 150, 170);
        Assert.InRange(match.Best.Values[1], 2.6, 3.4);
        var (lo0, hi0) = match.PlausibleRanges[0]!.Value;
        var (lo1, hi1) = match.PlausibleRanges[1]!.Value;
        Assert.True(lo0 <= 160 && 160 <= hi0 && lo1 <= 3 && 3 <= hi1, $"{lo0}–{hi0}, {lo1}–{hi1}");
        Assert.True(match.Evaluated.Count <= 120);
        Assert.Equal(CandidateStage.Start, match.Evaluated[0].Stage);
        Assert.All(match.Evaluated, c => Assert.True(c.Values[0] == Math.Round(c.Values[0]) && c.Values[0] >= 100 && c.Values[0] <= 215));
    }

    [Fact]
    public void A_published_mix_the_model_cannot_make_is_said_to_be_out_of_reach()
    {
        // Published: half the delays are choice (G), which the model never produces.
        var published = Model([160, 3.0]).Select(m => m with
        {
            ByReason = new Dictionary<DelayReason, double>(m.ByReason) { [DelayReason.G] = m.Total },
        }).ToList();
        var match = HistoryMatch.Run(Parameters, [200, 1.0], Model, published, designPoints: 8, maxEvaluations: 40);
        Assert.False(match.Best.Fit.MeetsTargets);
        Assert.All(match.PlausibleRanges, r => Assert.Null(r));
        Assert.True(match.Best.Fit.ReasonShareErrors[DelayReason.G] < -0.4);
    }

    [Fact]
    public void The_fit_measures_are_the_targets_worked_by_hand()
    {
        var pub = new MonthlyDelays(April, new Dictionary<DelayReason, double> { [DelayReason.A] = 60, [DelayReason.C] = 40 },
            new Dictionary<Responsibility, double> { [Responsibility.Nhs] = 50, [Responsibility.SocialCare] = 50 });
        var sim = new MonthlyDelays(April, new Dictionary<DelayReason, double> { [DelayReason.A] = 66, [DelayReason.C] = 44 },
            new Dictionary<Responsibility, double> { [Responsibility.Nhs] = 44, [Responsibility.SocialCare] = 66 });
        var fit = PublishedFit.Of([sim], [pub]);
        Assert.Equal(0.10, fit.AnnualError, 12);                                   // 110 for 100
        Assert.Equal(0.0, fit.ReasonShareErrors[DelayReason.A], 12);               // 60% both
        Assert.Equal(0.1, fit.OrganisationShareErrors[Responsibility.SocialCare], 12); // 60% for 50%
        Assert.Equal(0.10 / 0.025, fit.Implausibility, 9);                         // the annual error, 4 half-tolerances
        Assert.False(fit.Plausible);
    }

    [Fact]
    public void A_latin_hypercube_has_one_point_in_every_stratum_of_every_axis()
    {
        var points = HistoryMatch.LatinHypercube(10, 3, 7);
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(Enumerable.Range(0, 10), points.Select(p => (int)Math.Floor(p[j] * 10)).Order());
        }
    }
}
