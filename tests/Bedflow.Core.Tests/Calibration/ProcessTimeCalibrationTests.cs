using Xunit.Abstractions;
using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Calibration;

/// <summary>
/// Parameter recovery of the split of a delay into process time and waiting for a place, and of the
/// choice share: a register simulated from a small network of known answer — acute beds, a referral
/// step of mean 3 days, a rehabilitation ward that is sometimes full, where 30% of patients wait
/// for their choice — gives them back within their intervals.
/// </summary>
public class ProcessTimeCalibrationTests(ITestOutputHelper output)
{
    private const double Referral = 3;

    // Few goodness-of-fit replicates: these tests are about the estimates and their intervals.
    private static readonly Bedflow.Core.Statistics.Fitting.StayFitOptions Fast = new() { BootstrapReplicates = 19 };

    internal static Network Network(CapacitySchedule rehab, double choiceShare = 0.3, ServiceKind destination = ServiceKind.CommunityHospital, bool choice = true) => new NetworkBuilder()
        .StartingOn(new DateOnly(2016, 4, 1))
        .Service("acute", 400, Distribution.Exponential(3), kind: ServiceKind.Acute)
        .Service(new ServiceDefinition { Name = "referral", Role = ServiceRole.Resource, Capacity = Capacity.Unlimited, LengthOfStay = Distribution.Exponential(Referral), DelayReason = DelayReason.C })
        .Service(new ServiceDefinition
        {
            Name = "rehab", Kind = destination, Capacity = rehab, LengthOfStay = Distribution.Exponential(10),
            Choice = choice ? new PatientChoice { Share = choiceShare, Wait = Distribution.Exponential(4), Cap = 10 } : null,
        })
        .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(20)))
        .Route("acute", ("home", 0.7), ("referral", 0.3))
        .Route("referral", "rehab")
        .Route("rehab", "home")
        .Build();

    internal static RegisterEvidence Evidence(Network network, int days, ulong seed)
    {
        var options = new RunOptions { Warmup = Days.Of(60), Horizon = Days.Of(days), Replications = 1, Seed = seed, RecordEpisodes = true, DailyCensus = false };
        var replication = Replications.Run(network, options)[0];
        var stays = SimulatedDelays.Stays(network, replication, options).Select(s => new ObservedStay(((long)s.Episode.Stream << 40) | s.Episode.Patient, s.Record));
        var day0 = network.StartDate.ToDateTime(TimeOnly.MinValue);
        return RegisterEvidence.Of(stays, day0, day0.AddDays(days));
    }

    [Fact]
    public void The_process_time_is_recovered_within_its_interval_when_the_destination_is_sometimes_full()
    {
        // 6 a day for 10 days each: 60 beds' worth into 64 beds, full now and then.
        var network = Network(64);
        var fit = Assert.Single(RegisterCalibration.Of(network, Evidence(network, 365, 1), Fast).ProcessTimes);
        Assert.Equal(("referral", "rehab", false), (fit.Resource, fit.Destination, fit.UpperBound));
        Assert.Equal(["acute"], fit.From);
        var mean = fit.Fit!.Chosen.Mean;
        output.WriteLine($"{fit.Transfers} transfers, {fit.Censored} censored, free {fit.MeanFreeDays:F2}d full {fit.MeanFullDays:F2}d, mean {mean.Value:F3} ({mean.Lower:F3} to {mean.Upper:F3})");
        // Teeth: the destination was full for part of many delays, so the whole delay overstates the process.
        Assert.True(fit.Censored > fit.Transfers / 20, $"{fit.Censored} censored of {fit.Transfers}");
        Assert.True(fit.MeanFullDays > 0.3, $"full {fit.MeanFullDays}");
        Assert.True(mean.Lower <= Referral && Referral <= mean.Upper, $"mean {mean.Value} ({mean.Lower} to {mean.Upper})");
        Assert.False(Distribution.Exponential(fit.MeanFreeDays + fit.MeanFullDays).Mean is var whole && mean.Lower <= whole && whole <= mean.Upper,
            "the whole delay's mean should lie outside the process time's interval");
    }

    [Fact]
    public void The_process_times_interval_covers_the_truth_about_95_percent_of_the_time_over_repeated_registers()
    {
        // 40 registers of half a year each; the exponential kept (as a calibrate: section would), no bootstrap.
        var network = Network(70, choice: false);
        var options = new Bedflow.Core.Statistics.Fitting.StayFitOptions { BootstrapReplicates = 0 };
        var keep = new HashSet<string> { "referral" };
        int covered = 0, registers = 40, censored = 0, transfers = 0;
        double sum = 0;
        for (int seed = 1; seed <= registers; seed++)
        {
            var fit = Assert.Single(ProcessTimeCalibration.Of(network, Evidence(network, 180, (ulong)(100 + seed)), keep, options));
            Assert.True(fit.Fit is not null, $"seed {seed}: {fit.Note} {string.Join("; ", fit.Problems.Select(p => p.Message))}");
            var mean = fit.Fit!.Chosen.Mean;
            covered += mean.Lower <= Referral && Referral <= mean.Upper ? 1 : 0;
            sum += mean.Value;
            censored += fit.Censored;
            transfers += fit.Transfers;
        }
        output.WriteLine($"covered {covered} of {registers}; mean of the estimates {sum / registers:F3}; {censored} of {transfers} censored");
        Assert.True(censored > transfers / 20, "the destination should be full for some transfers");
        // Binomial(40, 0.95): 34 or more 99% of the time.
        Assert.True(covered >= 34, $"covered {covered} of {registers}");
    }

    [Fact]
    public void A_destination_never_full_gives_every_delay_as_process_time()
    {
        var network = Network(CapacitySchedule(1000));
        var evidence = Evidence(network, 200, 2);
        var fit = Assert.Single(RegisterCalibration.Of(network, evidence, Fast).ProcessTimes);
        Assert.Equal(0, fit.Censored);
        Assert.Equal(fit.Transfers, fit.NeverFull);
        Assert.Equal(0, fit.MeanFullDays);
        // Each observation is the delay itself, or the time to the choice's start.
        var delays = evidence.For("acute")!.Departures.Where(d => d.To == Destination.To("rehab"))
            .Select(d => Math.Max(((d.ChoiceFrom ?? d.Exit) - d.Ready).TotalDays, 0.5 / 1440)).Order().ToList();
        Assert.Equal(delays, fit.Observations.Select(o => o.Days).Order().ToList(), (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.True(fit.Fit!.Chosen.Mean.Covers(Referral), $"{fit.Fit.Chosen.Mean}");
    }

    [Fact]
    public void A_destination_always_full_censors_nearly_every_process_and_is_not_fitted_from_too_few()
    {
        // 45 beds for 60 beds' worth: full from the warm-up on, the queue in acute growing.
        var network = Network(45, choice: false);
        var fit = Assert.Single(RegisterCalibration.Of(network, Evidence(network, 120, 3), Fast).ProcessTimes);
        output.WriteLine($"{fit.Transfers} transfers, {fit.Censored} censored");
        Assert.True(fit.Transfers > 0);
        Assert.True(fit.Transfers - fit.Censored < 10, $"{fit.Transfers - fit.Censored} observed");
        Assert.Null(fit.Fit);
        Assert.NotEmpty(fit.Problems);
    }

    [Fact]
    public void A_destination_the_register_cannot_see_is_fitted_as_an_upper_bound()
    {
        // Home care is no SitRep bed: the register sees the patients leave on P1, not when home care was full.
        var network = Network(64, destination: ServiceKind.HomeCare, choice: false);
        var fit = Assert.Single(RegisterCalibration.Of(network, Evidence(network, 200, 4), Fast).ProcessTimes);
        Assert.True(fit.UpperBound);
        Assert.Equal(0, fit.Censored);
        Assert.True(double.IsNaN(fit.MeanFullDays));
        Assert.True(fit.Fit!.Chosen.Mean.Upper >= Referral, $"{fit.Fit.Chosen.Mean}");
    }

    [Fact]
    public void The_choice_share_and_wait_are_recovered_within_their_intervals()
    {
        var network = Network(64);
        var choice = Assert.Single(RegisterCalibration.Of(network, Evidence(network, 365, 1), Fast).Choices);
        Assert.Equal(["rehab"], choice.Services);
        Assert.Equal(Destination.To("rehab"), choice.SeenAs);
        output.WriteLine($"{choice.WithChoice} of {choice.Patients}: {choice.Share}; wait {choice.Wait?.Chosen.Mean}, {choice.Waits.Count(w => w.IsCensored)} at the cap");
        Assert.True(choice.Share!.Covers(0.3), $"{choice.Share}");
        Assert.Equal(10, choice.Cap);
        Assert.Contains(choice.Waits, w => w.IsCensored); // exponential(4) passes 10 days 8% of the time
        // The wait's mean before the cap: the fit is of the uncapped wait, censored at the cap.
        var exponential = choice.Wait!.Fits.Single(f => f.Family == Bedflow.Core.Statistics.Fitting.StayFamily.Exponential);
        Assert.True(exponential.Mean.Covers(4), $"{exponential.Mean}");
    }

    [Fact]
    public void No_choice_recorded_gives_a_share_of_zero_with_an_upper_bound_and_no_wait()
    {
        var network = Network(64, choiceShare: 0);
        var choice = Assert.Single(RegisterCalibration.Of(network, Evidence(network, 120, 6), Fast).Choices);
        Assert.Equal(0, choice.WithChoice);
        Assert.Equal(0, choice.Share!.Value);
        Assert.Equal(0, choice.Share.Lower);
        double z2 = 1.959963984540054 * 1.959963984540054;
        Assert.Equal(z2 / (choice.Patients + z2), choice.Share.Upper!.Value, 12);
        Assert.Null(choice.Wait);
        Assert.NotEmpty(choice.WaitProblems);
    }

    [Fact]
    public void Without_a_service_with_choice_nothing_is_fitted_and_with_none_going_there_a_note_says_so()
    {
        var none = Network(64, choice: false);
        Assert.Empty(RegisterCalibration.Of(none, Evidence(none, 60, 7), Fast).Choices);
        // A choice service nobody in the register went to.
        var evidence = Evidence(none, 60, 7);
        var elsewhere = none with
        {
            Services = [.. none.Services.Select(s => s.Name == "rehab" ? s : s)
                .Append(new ServiceDefinition { Name = "hospice", Kind = ServiceKind.Other, Capacity = 5, LengthOfStay = Distribution.Exponential(5), SitRep = SitRepBeds.NonAcute, Choice = new PatientChoice { Share = 0.5, Wait = Distribution.Exponential(2) } })],
            Routes = [.. none.Routes, new RouteDefinition { From = "hospice", Destinations = [("home", 1.0)] }],
        };
        var choice = Assert.Single(ChoiceCalibration.Of(elsewhere, evidence));
        Assert.Equal(0, choice.Patients);
        Assert.Null(choice.Share);
        Assert.Contains("no patient in the register", choice.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 10, 0.1078, 0.6032)] // Wilson (1927) for 3 of 10 (e.g. Newcombe 1998, Table I)
    [InlineData(0, 20, 0, 0.1611)]
    [InlineData(20, 20, 0.8389, 1)]
    public void Wilsons_interval_has_its_textbook_values(int successes, int trials, double lower, double upper)
    {
        var share = ChoiceCalibration.Wilson(successes, trials);
        Assert.Equal((double)successes / trials, share.Value, 12);
        Assert.Equal(lower, share.Lower!.Value, 4);
        Assert.Equal(upper, share.Upper!.Value, 4);
    }

    [Fact]
    public void Wilsons_interval_covers_the_true_share_about_95_percent_of_the_time()
    {
        var rng = new Bedflow.Core.Randomness.Xoshiro256StarStar(2024);
        foreach (var (n, p) in new[] { (40, 0.3), (200, 0.1), (400, 0.4) })
        {
            int covered = 0;
            const int Experiments = 4000;
            for (int i = 0; i < Experiments; i++)
            {
                int k = 0;
                for (int j = 0; j < n; j++)
                {
                    k += rng.NextDouble() < p ? 1 : 0;
                }
                covered += ChoiceCalibration.Wilson(k, n).Covers(p) ? 1 : 0;
            }
            double coverage = (double)covered / Experiments;
            output.WriteLine($"n {n}, p {p}: {coverage:P1}");
            Assert.InRange(coverage, 0.93, 0.97);
        }
    }

    private static CapacitySchedule CapacitySchedule(int places) => new(Capacity.Of(places));
}
