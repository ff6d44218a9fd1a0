using System.Reflection;
using Bedflow.Core.Finance;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Finance;

// Comparisons built by hand over 3 replications and a one-year horizon. With 3 values the 95%
// half-width is t(0.975, 2) × sd / √3 = 4.3027 × sd / 1.7321 = 2.4841 × sd.
public class VerdictTests
{
    private static readonly double[] Zeros = [0.0, 0.0, 0.0];

    private static Comparison Option(string name, double[] avoided, double[] extraCost, double[]? admissionsWaiting = null) => new(name,
        Estimate.Of(avoided), Estimate.Of(Zeros), Estimate.Of(admissionsWaiting ?? Zeros), Estimate.Of(extraCost),
        new Dictionary<Commissioner, Estimate>(), new PriceList { ElectivePrice = Money.FromPounds(3684m) }, 1, [],
        Estimate.Of(Zeros), Estimate.Of(extraCost), Estimate.Of(Zeros));

    // Without prices a variant's extra cost is undefined (no values), and so is its cost per delayed day.
    private static Comparison Unpriced(string name, double[] avoided) => Option(name, avoided, []);

    [Fact]
    public void The_best_option_is_the_cheapest_per_delayed_day_among_those_that_clearly_avoid_delays()
    {
        var cheap = Option("cheap_but_unclear", [-500, 100, 900], [1000, 1000, 1000]);   // interval spans zero
        var dear = Option("dear", [900, 1000, 1100], [300_000, 300_000, 300_000]);        // £300 a day avoided
        var good = Option("good", [1900, 2000, 2100], [400_000, 400_000, 400_000]);       // £200 a day avoided
        var v = Verdict.Of([cheap, dear, good], 3);
        Assert.Equal(VerdictKind.Recommended, v.Kind);
        Assert.Equal("good", v.Variant);
        Assert.Equal("good", v.Best);
        Assert.Equal(200, v.CostPerDelayedDayAvoided!.Value, 9); // £400,000 over a year ÷ 2,000 days
        Assert.Same(good.DelayedDaysAvoided, v.DelayedDaysAvoided);
        // good: sd 100, so the interval is 2,000 ± 2.4841 × 100.
        Assert.Equal(2000, v.DelayedDaysAvoided!.Mean, 9);
        Assert.Equal(1751.6, v.DelayedDaysAvoided.Lower!.Value, 1);
        Assert.Equal(2248.4, v.DelayedDaysAvoided.Upper!.Value, 1);
        Assert.Empty(v.Reasons);
        Assert.Null(v.ReplicationsNeeded);
        Assert.Equal(3, v.Replications);
    }

    [Fact]
    public void A_best_option_that_fills_the_hospital_carries_the_rise_in_patients_waiting_for_a_bed()
    {
        // Waiting rises by 32 a night, 32 ± 2.4841 × 1: the lower end, 29.5, is above half a patient.
        var fuller = Option("acute_cut", [900, 1000, 1100], [-1_000_000, -1_000_000, -1_000_000], admissionsWaiting: [31, 32, 33]);
        var v = Verdict.Of([fuller], 3);
        Assert.Equal(VerdictKind.Recommended, v.Kind);
        Assert.Equal(-1000, v.CostPerDelayedDayAvoided!.Value, 9); // saves £1m a year for 1,000 days
        var rise = Assert.IsType<FrontDoorWaitsRise>(Assert.Single(v.Reasons));
        Assert.Same(fuller.AdmissionsWaiting, rise.AdmissionsWaiting);
        Assert.Equal(32, rise.AdmissionsWaiting.Mean, 9);
        Assert.Equal(29.516, rise.AdmissionsWaiting.Lower!.Value, 3);
    }

    [Fact]
    public void A_rise_in_waiting_whose_interval_reaches_down_to_half_a_patient_is_not_a_reason()
    {
        // 0.7 ± 2.4841 × 0.1: the lower end, 0.45, is not above 0.5.
        var v = Verdict.Of([Option("a", [900, 1000, 1100], [1, 1, 1], admissionsWaiting: [0.6, 0.7, 0.8])], 3);
        Assert.Equal(VerdictKind.Recommended, v.Kind);
        Assert.Empty(v.Reasons);
    }

    [Fact]
    public void Without_prices_the_option_that_clearly_avoids_the_most_delayed_days_is_named()
    {
        var some = Unpriced("some", [900, 1000, 1100]);
        var most = Unpriced("most", [1900, 2000, 2100]);
        var unclear = Unpriced("unclear", [-5000, 3000, 11000]);
        var v = Verdict.Of([some, most, unclear], 3);
        Assert.Equal(VerdictKind.RankedByDelayedDaysAvoided, v.Kind);
        Assert.Equal("most", v.Variant);
        Assert.Equal("most", v.Best);
        Assert.Same(most.DelayedDaysAvoided, v.DelayedDaysAvoided);
        Assert.Null(v.CostPerDelayedDayAvoided);
        Assert.Null(v.ReplicationsNeeded);
        Assert.Empty(v.Reasons);
    }

    [Fact]
    public void With_only_the_baseline_there_is_nothing_to_compare()
    {
        var v = Verdict.Of([], 3);
        Assert.Equal(VerdictKind.NoVariants, v.Kind);
        Assert.Null(v.Variant);
        Assert.Null(v.Best);
        Assert.Null(v.DelayedDaysAvoided);
        Assert.Null(v.CostPerDelayedDayAvoided);
        Assert.Null(v.ReplicationsNeeded);
        Assert.Equal(3, v.Replications);
    }

    [Fact]
    public void When_no_option_avoids_delays_on_average_none_is_named()
    {
        var worse = Option("worse", [-300, -200, -100], [1, 1, 1]);
        var same = Option("same", [-100, 0, 100], [1, 1, 1]); // a mean of 0 avoids nothing
        var v = Verdict.Of([worse, same], 5);
        Assert.Equal(VerdictKind.NoOptionAvoidsDelays, v.Kind);
        Assert.Null(v.Variant);
        Assert.Null(v.Best);
        Assert.Null(v.ReplicationsNeeded);
        Assert.Equal(5, v.Replications);
    }

    [Fact]
    public void When_no_option_is_clear_it_names_the_closest_and_how_many_replications_would_be_needed()
    {
        var a = Option("a", [-500, 100, 900], [1, 1, 1]);
        var b = Option("b", [-100, 300, 700], [1, 1, 1]);
        var v = Verdict.Of([a, b], 3);
        Assert.Equal(VerdictKind.CannotTellApart, v.Kind);
        Assert.Null(v.Best);
        Assert.Equal("b", v.Variant);
        Assert.Same(b.DelayedDaysAvoided, v.DelayedDaysAvoided);
        // b is the closer: mean 300 against a's 100, with sd 400 against a's 700. Its half-width is
        // 2.4841 × 400 = 993.7; the replications it needs are 3 × (993.7 / 300)² × 1.1 = 36.2,
        // rounded up, plus one: 38.
        Assert.Equal(38, v.ReplicationsNeeded);
        Assert.Null(v.CostPerDelayedDayAvoided);
    }

    [Fact]
    public void A_verdict_of_no_replications_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Verdict.Of([], 0));
    }

    [Fact]
    public void A_verdict_holds_no_text_other_than_variant_names()
    {
        // Every type a verdict is made of: itself, its reasons, and the Core types their properties hold.
        var core = typeof(Verdict).Assembly;
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([typeof(Verdict), .. core.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(VerdictReason)))]);
        var text = new List<string>();
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var parts = Parts(p.PropertyType).ToList();
                if (parts.Contains(typeof(string)))
                {
                    text.Add($"{type.Name}.{p.Name}");
                }
                foreach (var part in parts.Where(t => t.Assembly == core && !t.IsEnum))
                {
                    queue.Enqueue(part);
                }
            }
        }
        // The walk has teeth: it reaches the reasons and the estimates they hold.
        Assert.Contains(typeof(FrontDoorWaitsRise), seen);
        Assert.Contains(typeof(Estimate), seen);
        Assert.Contains(typeof(Bedflow.Core.Decisions.Overloads), seen);
        // Names only: of variants (the verdict's, a runner-up's, a dominating or left-out option's), of
        // services that overload, and of the patient groups that can never leave (a sizing finding's load).
        Assert.Equal(
            ["CannotTellFromRunnerUp.RunnerUp", "DominatedBy.By", "NotAcceptable.Variant", "Overloads.Services", "QueueGrowth.Service",
                "ServiceLoad.Service", "ServiceLoad.UnboundedGroups", "ToldApartFromRunnerUp.RunnerUp", "Verdict.Best", "Verdict.Variant"],
            text.Order(StringComparer.Ordinal));
    }

    // string?, IReadOnlyList<string> and string[] all hold text.
    private static IEnumerable<Type> Parts(Type t) =>
        t.HasElementType ? Parts(t.GetElementType()!)
        : t.IsGenericType ? t.GetGenericArguments().SelectMany(Parts)
        : [t];

    [Fact]
    public void Elective_cases_follow_the_money_saved_or_spent()
    {
        var saves = Option("saves", [1, 1, 1], [-3684 * 2.0, -3684 * 2.0, -3684 * 2.0]);
        Assert.Equal(2, saves.ElectiveCasesFromMoney, 9);
        Assert.True(saves.CostPerDelayedDayAvoided < 0);
    }
}
