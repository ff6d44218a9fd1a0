using System.Globalization;
using System.Text;
using Bedflow.Core.Forecasting;
using Bedflow.Core.Simulation;
using Bedflow.Data.Audit;
using Bedflow.Data.Register;
using Bedflow.Data.Scenarios;

namespace Bedflow.Web.Runs;

/// <summary>
/// Checks a scenario and, when it may run, keeps it and queues it: read and validated as `bedflow
/// validate` does (every problem with line and column), refused before it starts when it would need
/// more memory than the server allows (as `bedflow run` refuses it), kept with its SHA-256 and who
/// asked, audited, then queued.
/// </summary>
internal sealed class RunStarter(RunStore store, RunQueue queue, AuditLog audit, WebOptions options, DelayRegister register)
{
    /// <summary>The most replications a run may ask for (as `bedflow run`).</summary>
    public const int MaxReplications = 100_000;

    /// <summary>Reads and validates the scenario: its load (the scenario, or the problems).</summary>
    public static ScenarioLoad Validate(ScenarioText text)
    {
        string yaml;
        try
        {
            yaml = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(text.Bytes);
        }
        catch (DecoderFallbackException)
        {
            return new ScenarioLoad(null, [new ScenarioProblem(text.FileName, 1, 1, "", "the file is not UTF-8 text: save the scenario as UTF-8 (YAML).")]);
        }
        return ScenarioFile.Parse(yaml.TrimStart('\uFEFF'), text.FileName);
    }

    /// <summary>
    /// Keeps and queues a run of <paramref name="kind"/>; a forecast's <paramref name="forecast"/> gives
    /// its replications and variants (and it is not held to the scenario's run: its own replications
    /// are bounded by <see cref="ForecastFields.MaxReplications"/>).
    /// </summary>
    public async Task<RunStart> StartAsync(ScenarioText text, string kind, string? of, string who, CancellationToken cancel, ForecastAsked? forecast = null)
    {
        if (text.Bytes.Length > ScenarioText.MaxBytes)
        {
            return new RunStart(null, [], null, TooLarge: true, QueueFull: false);
        }
        var load = Validate(text);
        if (!load.IsValid)
        {
            return RunStart.Invalid(load.Problems);
        }
        var scenario = load.Scenario!;
        if (kind == RunKinds.Optimise && scenario.Optimise is null)
        {
            return RunStart.Refusal($"{text.FileName} has no optimise: section: name the levers and budgets there (docs/scenario-reference.md, \"optimise\").");
        }
        if (forecast is null && scenario.Options.Replications > MaxReplications)
        {
            return RunStart.Refusal(string.Create(CultureInfo.InvariantCulture, $"replications can be at most {MaxReplications}, but the scenario asks for {scenario.Options.Replications}."));
        }
        if (forecast is null && MemoryProblem(scenario) is { } memory)
        {
            return RunStart.Refusal(memory);
        }
        if (forecast is not null && ForecastProblem(scenario, forecast) is { } forecastProblem)
        {
            return RunStart.Refusal(forecastProblem);
        }
        string id = store.NewId();
        var digest = Sha256Digest.Of(text.Bytes);
        var record = new RunRecord(id, kind, of, scenario.Name, text.FileName, digest.Hex, who, store.Now(),
            RunOutputs.Version, scenario.Options.Seed, forecast?.Replications ?? scenario.Options.Replications, forecast?.Variants.Count ?? scenario.AllVariants.Count, RunStatus.Queued, 0)
        {
            Forecast = forecast,
        };
        store.Create(record, text.Bytes);
        // The run id (a time and letters) survives the masking as it is; the hash is kept whole by the log (Sha256Digest).
        await audit.WriteAsync(who, "started run", $"{kind} {id}{(of is null ? "" : $" of run {of}")}: '{scenario.Name}' ({text.FileName})", digest, cancel);
        if (!queue.TryEnqueue(id))
        {
            store.Save(record with { Status = RunStatus.Failed, FinishedUtc = store.Now(), Message = "the queue was full: try again when a run has finished." });
            return new RunStart(null, [], null, TooLarge: false, QueueFull: true);
        }
        return RunStart.Ok(record);
    }

    /// <summary>
    /// A forecast of kept run <paramref name="of"/>'s scenario from the served register's census:
    /// the fields read (<see cref="ForecastFields"/>) against the scenario and the register, then
    /// kept and queued as any run. Started, or refused (the scenario's problems, a full queue); or,
    /// with no start, the fields' problems by field.
    /// </summary>
    public async Task<(RunStart? Start, Dictionary<string, string[]> Problems)> StartForecastAsync(RunRecord of, string? asOf, string? days, string? replications,
        IReadOnlyList<string> variants, string who, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(of);
        var text = new ScenarioText(await File.ReadAllBytesAsync(store.ScenarioPath(of.Id), cancel).ConfigureAwait(false), of.File);
        var load = Validate(text);
        if (!load.IsValid)
        {
            return (RunStart.Invalid(load.Problems), []);
        }
        var stays = await register.StaysAsync(cancel).ConfigureAwait(false);
        var (asked, problems) = ForecastFields.Read(asOf, days, replications, variants, load.Scenario!, stays);
        return asked is null ? (null, problems) : (await StartAsync(text, RunKinds.Forecast, of.Id, who, cancel, asked).ConfigureAwait(false), problems);
    }

    /// <summary>The most simulated days before a forecast's census (warm-up and the days from the scenario's start): 20 years.</summary>
    public const int MaxDaysBeforeCensus = 7305;

    /// <summary>
    /// A forecast's bounds: the model run up to the census (<see cref="ModelState"/>: its warm-up and
    /// the days from the scenario's start: at most <see cref="MaxDaysBeforeCensus"/>), and the memory
    /// of that run and of the forecast's own (each variant's replications over the days ahead, with
    /// their daily tables) against the limit a run has; null when it fits.
    /// </summary>
    private string? ForecastProblem(Core.Experiments.Scenario scenario, ForecastAsked forecast)
    {
        var baseline = scenario.AllVariants[0].Network;
        var asOf = DateTime.ParseExact(forecast.AsOf, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        int lastDay = Math.Max(0, (int)Math.Floor((asOf - baseline.StartDate.ToDateTime(TimeOnly.MinValue)).TotalDays));
        double before = Math.Ceiling(scenario.Options.Warmup.TotalDays) + lastDay;
        if (before > MaxDaysBeforeCensus)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"to reach the census at {forecast.AsOf} the model would first run {before:N0} days (its warm-up and the days from the scenario's start, {baseline.StartDate:yyyy-MM-dd}), more than the {MaxDaysBeforeCensus:N0} (20 years) a forecast may on this server: give the scenario a start: nearer the census.");
        }
        var networks = scenario.AllVariants.Where(v => forecast.Variants.Contains(v.Name)).Select(v => v.Network).ToList();
        var state = MemoryEstimate.Of([baseline], new RunOptions { Warmup = scenario.Options.Warmup, Horizon = Core.Units.Days.Of(Math.Max(lastDay, 1)), Replications = ModelState.DefaultReplications, DailyCensus = true }, Environment.ProcessorCount);
        var ahead = MemoryEstimate.Of(networks.Count > 0 ? networks : [baseline], new RunOptions { Horizon = Core.Units.Days.Of(forecast.Days), Replications = forecast.Replications, DailyCensus = true, CountDelays = true }, Environment.ProcessorCount);
        long need = state.Live + ahead.Live;
        long total = (long)Math.Min(long.MaxValue, (2.0 * need) + ahead.Runtime);
        long limit = RunMemoryLimit;
        return total <= limit ? null
            : $"this forecast would need about {Show(total)} of memory, more than the {Show(limit)} a run may have on this server, so it was not started. To need less: fewer days ahead, fewer replications or fewer variants.";
    }

    /// <summary>
    /// As `bedflow run`'s memory guard: the run's estimate (every variant's census and delay tables,
    /// <see cref="MemoryEstimate"/>) against the limit — <see cref="WebOptions.MaxRunMemory"/>, or half
    /// the memory available — shared between the runs that may go at once; null when it fits.
    /// </summary>
    private string? MemoryProblem(Core.Experiments.Scenario scenario)
    {
        var estimate = MemoryEstimate.Of([.. scenario.AllVariants.Select(v => v.Network)], scenario.Options with { CountDelays = true, DailyCensus = true }, Environment.ProcessorCount);
        long limit = RunMemoryLimit;
        return estimate.Total <= limit ? null
            : $"this run would need about {Show(estimate.Total)} of memory, more than the {Show(limit)} a run may have on this server, so it was not started. "
                + "To need less: a shorter horizon, fewer replications, or fewer variants or services.";
    }

    // What one run may hold: WebOptions.MaxRunMemory, or half the memory available, shared between the runs that may go at once.
    private long RunMemoryLimit => (options.MaxRunMemory ?? (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2)) / Math.Clamp(options.RunWorkers, 1, 2);

    private static string Show(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MB");
}
