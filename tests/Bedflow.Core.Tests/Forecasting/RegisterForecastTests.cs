using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Experiments;
using Bedflow.Core.Forecasting;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Forecasting;

/// <summary>A forecast from a register (<see cref="RegisterForecast"/>): what stops it comes back as data; its progress runs to the end and never changes the numbers.</summary>
public class RegisterForecastTests
{
    private static readonly DateTime AsOf = new(2016, 6, 10, 9, 0, 0);

    private static readonly Network Ward = new NetworkBuilder()
        .Service("ward", 50, Distribution.Exponential(5), kind: ServiceKind.CommunityHospital)
        .Service("home_care", 20, Distribution.Exponential(10), kind: ServiceKind.HomeCare)
        .Arrivals("in", "ward", ArrivalRate.Constant(RatePerDay.Of(5)))
        .Route("ward", "home_care").Route("home_care", "home")
        .Build();

    // Ten in the ward from 1 June, the last three ready on 8 June; one discharged on 12 June.
    private static readonly IReadOnlyList<ObservedStay> Stays = [.. Enumerable.Range(0, 10).Select(i => new ObservedStay(i, new DelayRecord
    {
        Service = "ward", Beds = SitRepBeds.NonAcute, Adult = true, Admitted = new DateTime(2016, 6, 1).AddHours(i),
        Ready = i >= 7 ? new DateTime(2016, 6, 8) : null, Exit = i == 9 ? new DateTime(2016, 6, 12) : null,
    }))];

    private static readonly ForecastSettings Settings = new() { Days = 7, Replications = 10, Seed = 3, Threads = 2 };

    [Fact]
    public void A_forecast_from_inside_the_registers_data_runs_with_the_patients_delayed_then_and_the_same_numbers_as_its_steps_by_hand()
    {
        var fractions = new List<double>();
        var outcome = RegisterForecast.Run([new("baseline", "", Ward)], Stays, AsOf, Settings, Days.Of(30), f => { lock (fractions) { fractions.Add(f); } });
        Assert.True(outcome.CanRun);
        var result = outcome.Result!;
        Assert.Equal(3, result.DelayedNow); // the three ready on 8 June, none gone by the 10th
        Assert.Equal(["ward"], result.RegisterServices);

        // Progress: one call per replication (20 of the model's own state, 10 of the forecast), rising to exactly 1.
        Assert.Equal(ModelState.DefaultReplications + Settings.Replications, fractions.Count);
        Assert.Equal(1.0, fractions.Max(), 12);
        Assert.All(fractions, f => Assert.InRange(f, 0, 1));

        // The steps done one by one (no progress) give the same numbers.
        var census = RegisterSnapshot.Of(Ward, Stays, AsOf);
        var state = ModelState.Of(Ward, Days.Of(30), (int)Math.Floor(census.Snapshot.Day), seed: Settings.Seed, threads: 1);
        var byHand = Forecast.Run([new("baseline", "", Ward)], census, Settings with { Threads = 1 }, state);
        Assert.Equal(byHand.Variants[0].Delayed.Select(b => (b.Mean.Mean, b.Lower95, b.Upper95)), result.Variants[0].Delayed.Select(b => (b.Mean.Mean, b.Lower95, b.Upper95)));
    }

    [Fact]
    public void A_moment_outside_the_registers_data_says_the_span_and_runs_nothing()
    {
        var outcome = RegisterForecast.Run([new("baseline", "", Ward)], Stays, new DateTime(2016, 7, 1), Settings, Days.Of(30));
        Assert.True(outcome.OutsideData);
        Assert.False(outcome.CanRun);
        Assert.Null(outcome.Result);
        Assert.Equal(new RegisterSpan(new DateTime(2016, 6, 1), new DateTime(2016, 6, 12)), outcome.Span);
        Assert.Equal(new DateTime(2016, 6, 12), RegisterSpan.Of(Stays)!.Latest); // the discharge is the latest moment recorded
    }

    [Fact]
    public void An_empty_register_or_a_census_the_scenario_cannot_hold_is_a_problem_not_a_run()
    {
        var empty = RegisterForecast.Check(Ward, [], AsOf);
        Assert.Null(empty.Span);
        Assert.False(empty.CanRun);
        var elsewhere = new NetworkBuilder().Service("acute", 50, Distribution.Exponential(5), kind: ServiceKind.Acute)
            .Arrivals("in", "acute", ArrivalRate.Constant(RatePerDay.Of(5))).Route("acute", "home").Build();
        var misfit = RegisterForecast.Check(elsewhere, Stays, AsOf);
        Assert.False(misfit.CanRun);
        Assert.Contains("'ward'", Assert.Single(misfit.CensusProblems), StringComparison.Ordinal);
    }
}
