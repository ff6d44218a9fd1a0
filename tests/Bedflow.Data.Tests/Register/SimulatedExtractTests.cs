using System.Text;
using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

/// <summary>A simulated replication written as a register extract: what the register reads back is what the run counted.</summary>
public class SimulatedExtractTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("test-key-0123456789abcdef0123456789");

    // Acute beds discharging into community-hospital beds and home care that are short: delays of
    // both bed types, several reasons, patients still in at the end, stays begun in the warm-up.
    private static readonly Network Network = new NetworkBuilder()
        .Service("acute", 30, Distribution.Exponential(4), kind: ServiceKind.Acute)
        .Service("community_hospital", 8, Distribution.Exponential(10), kind: ServiceKind.CommunityHospital)
        .Service("home_care", 12, Distribution.Exponential(15), kind: ServiceKind.HomeCare)
        .Arrivals("ed", "acute", ArrivalRate.Constant(RatePerDay.Of(6)))
        .Route("acute", ("home", 0.6), ("community_hospital", 0.2), ("home_care", 0.2))
        .Route("community_hospital", ("home", 0.5), ("home_care", 0.5))
        .Route("home_care", "home")
        .Build();

    private static readonly RunOptions Options = new() { Warmup = Days.Of(30), Horizon = Days.Of(120), Replications = 1, Seed = 5, RecordEpisodes = true };

    private static (ReplicationResult Replication, string File, SimulatedExtractSummary Written) Extract()
    {
        var replication = Replications.Run(Network, Options)[0];
        string file = Path.Combine(Path.GetTempPath(), $"simulated-{Guid.NewGuid():N}.csv");
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
        var written = SimulatedExtract.Write(writer, Network, replication, Options);
        return (replication, file, written);
    }

    [Fact]
    public async Task The_register_imports_every_stay_and_counts_the_same_delays_day_by_day_as_the_run()
    {
        var (replication, file, written) = Extract();
        var register = new DelayRegister(await RegisterDatabase.OpenAsync(await new SqliteEngine().NewDatabaseAsync()));
        var report = await register.ImportAsync(file, Key, "tester", skipInvalid: false);
        Assert.Empty(report.Problems);
        Assert.Equal(written.Stays, report.Inserted);
        Assert.Equal(0, written.SameMinuteStays);

        var simulated = SimulatedDelays.Figures(Network, replication, Options);
        var (first, last) = SimulatedDelays.Period(Network, Options);
        var counter = new DelayCounter(first, last);
        counter.AddRange(await register.DelayRecordsAsync());
        var imported = counter.Figures();
        Assert.True(simulated.TotalDays > 300, $"the network should delay patients ({simulated.TotalDays} delayed days)");
        Assert.Null(simulated.FirstDifferentDay(imported));
        Assert.Equal(simulated.TotalDays, imported.TotalDays);
        foreach (var reason in SitRep.Reasons)
        {
            Assert.Equal(simulated.Days(reason), imported.Days(reason));
        }
        Assert.Equal(simulated.Discharges, imported.Discharges);
        foreach (var pathway in Enum.GetValues<DischargePathway>())
        {
            Assert.Equal(simulated.DischargesOn(pathway), imported.DischargesOn(pathway));
        }
        // Delays to the minute: the mean delay per discharge agrees within a minute.
        Assert.Equal(simulated.MeanDelayPerDischarge, imported.MeanDelayPerDischarge, 1.0 / (24 * 60));
        File.Delete(file);
    }

    [Fact]
    public void The_extract_is_the_first_replication_of_the_run_users_make_whatever_its_replication_count()
    {
        // `run --episodes` runs the baseline's first replication again, keeping its stays: the same
        // patients as the first replication of the run itself (streaming counts, three replications).
        var run = Core.Experiments.Experiment.Run([new Core.Experiments.ExperimentVariant("baseline", "", Network)],
            Options with { Replications = 3, RecordEpisodes = false, CountDelays = true })[0];
        var again = SimulatedDelays.Figures(Network, Replications.Run(Network, Options)[0], Options);
        Assert.Equal(run.Run.Delays!.Replications[0], again);
        Assert.NotEqual(run.Run.Delays.Replications[1], again);
    }

    [Fact]
    public async Task The_register_links_each_patients_stays_into_the_paths_the_run_sent_them_on()
    {
        var (replication, file, _) = Extract();
        var register = new DelayRegister(await RegisterDatabase.OpenAsync(await new SqliteEngine().NewDatabaseAsync()));
        Assert.Empty((await register.ImportAsync(file, Key, "tester", skipInvalid: false)).Problems);
        var day0 = Network.StartDate.ToDateTime(TimeOnly.MinValue);
        var evidence = Core.Calibration.RegisterEvidence.Of(await register.StaysAsync(), day0, day0.AddDays(Options.HorizonDays));

        // What the run did, from its own log: acute stays that ended in the period, by where they went.
        var ended = replication.Episodes!.Where(e => e.Service == 0 && !e.IsOpen && e.Exit >= 0).ToList();
        var acute = evidence.For("acute")!;
        Assert.Equal(ended.Count(e => e.Next == 1), acute.Next[Core.Calibration.Destination.To("community_hospital")]);
        // Home care is not in the register: a patient sent there leaves it on pathway P1, as one sent home does on P0.
        Assert.Equal(ended.Count(e => e.Next == 2), acute.Next[Core.Calibration.Destination.Discharged(DischargePathway.P1)]);
        Assert.Equal(ended.Count(e => e.Next < 0), acute.Next[Core.Calibration.Destination.Discharged(DischargePathway.P0)]);
        // Every acute stay admitted in the period, with its time to ready (to the minute) or censored at the end.
        var admitted = replication.Episodes!.Where(e => e.Service == 0 && e.Start >= 0).ToList();
        Assert.Equal(admitted.Count, acute.TimesToReady.Count);
        Assert.Equal(admitted.Count(e => e.Ready <= Options.HorizonDays), acute.ReadyCount);
        Assert.Equal(admitted.Where(e => e.Ready <= Options.HorizonDays).Sum(e => e.Ready - e.Start),
            acute.TimesToReady.Where(t => !t.IsCensored).Sum(t => t.Days), 2.0 * admitted.Count / (24 * 60));
        File.Delete(file);
    }

    [Fact]
    public void Each_patient_has_one_valid_test_range_nhs_number_on_every_stay()
    {
        var (replication, file, written) = Extract();
        var lines = File.ReadAllLines(file);
        Assert.Equal("provider,nhs_number,admitted,ready_for_transfer,discharged,service,bed_type,destination,reason,responsible,reason_from,adult", lines[0]); // no local_number: simulated patients have none
        var numbers = lines.Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.All(numbers, n => Assert.True(n.StartsWith("999", StringComparison.Ordinal) && NhsNumber.IsValid(n), n));
        Assert.Equal(written.Patients, numbers.Distinct().Count());
        Assert.Equal(written.Rows, lines.Length - 1);
        // A patient sent on from acute to the community hospital keeps their number.
        var patients = replication.Episodes!.Where(e => e.Service == 1 && (e.IsOpen || e.Exit >= 0)).Select(e => (e.Stream, e.Patient)).ToHashSet();
        int inBoth = replication.Episodes!.Count(e => e.Service == 0 && patients.Contains((e.Stream, e.Patient)) && (e.IsOpen || e.Exit >= 0));
        Assert.True(inBoth > 10);
        Assert.True(written.Stays - written.Patients >= inBoth, $"{written.Stays} stays of {written.Patients} patients; {inBoth} went from acute to community");
        File.Delete(file);
    }

    [Fact]
    public void Home_care_is_not_a_bed_and_is_left_out()
    {
        var (_, file, _) = Extract();
        var services = File.ReadAllLines(file).Skip(1).Select(l => l.Split(',')[5]).ToHashSet();
        Assert.Equal(["acute", "community_hospital"], services.Order(StringComparer.Ordinal));
        File.Delete(file);
    }

    [Fact]
    public void The_test_range_numbers_about_nine_hundred_thousand_patients()
    {
        // 10^6 bodies 999000000–999999999; those whose check digit would be 10 (about 1 in 11) have no valid number.
        Assert.InRange(SimulatedExtract.MaxPatients, 900_000, 920_000);
    }
}
