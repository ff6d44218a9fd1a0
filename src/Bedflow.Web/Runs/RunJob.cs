using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bedflow.Web.Api;
using Bedflow.Core.Experiments;
using Bedflow.Core.Forecasting;
using Bedflow.Core.Model;
using Bedflow.Core.Optimisation;
using Bedflow.Data.Register;
using Bedflow.Data.Results;
using Bedflow.Data.Scenarios;
using Microsoft.Extensions.Logging;

namespace Bedflow.Web.Runs;

/// <summary>
/// Runs one kept run: the scenario read from its folder as `bedflow run` reads a file, then the
/// same path — <see cref="Experiment.Run"/> and <see cref="RunOutputs"/> for a run,
/// <see cref="Optimiser.Run(Scenario, int?, Action{OptimiseProgress}?, IEnumerable{CandidateRecord}?, Action{CandidateRecord}?)"/>
/// and the optimisation pages for an optimisation, <see cref="RegisterForecast.Run"/> over the served
/// register for a forecast — with its progress in the store. Stopping the
/// server interrupts it between replications; nothing is half-written.
/// </summary>
internal sealed partial class RunJob(RunStore store, DelayRegister register, ILogger<RunJob> logger)
{
    public void Execute(string id, CancellationToken stop)
    {
        if (store.Find(id) is not { } queued || queued.Status != RunStatus.Queued)
        {
            return;
        }
        var record = queued with { Status = RunStatus.Running, StartedUtc = store.Now(), Percent = 0 };
        store.Save(record);
        var clock = Stopwatch.StartNew();
        try
        {
            var load = ScenarioFile.Load(store.ScenarioPath(id));
            if (!load.IsValid)
            {
                Finish(record, RunStatus.Failed, "the scenario no longer reads: " + string.Join("; ", load.Problems.Where(p => !p.IsWarning).Select(p => p.ToString())));
                return;
            }
            try
            {
                var outputs = record.Kind switch
                {
                    RunKinds.Optimise => Optimise(id, load.Scenario!, stop),
                    RunKinds.Forecast => Forecast(id, load.Scenario!, record.Forecast, stop),
                    _ => Run(id, load.Scenario!, clock, stop),
                };
                store.Save(record with { Status = RunStatus.Done, Percent = 100, FinishedUtc = store.Now(), Outputs = outputs });
                Finished(logger, id, record.Kind, clock.Elapsed.TotalSeconds);
            }
            catch (InvalidModelException e)
            {
                Finish(record, RunStatus.Failed, string.Join("; ", e.Problems.Select(p => load.Place(p).ToString())));
            }
        }
        catch (Exception e) when (Cancelled(e))
        {
            Finish(record, RunStatus.Interrupted, "the server stopped before the run finished: start it again.");
        }
        catch (Exception e) when (e is OutOfMemoryException or InvalidOperationException or AggregateException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            Finish(record, RunStatus.Failed, $"the run failed: {e.Message}");
        }
    }

    private IReadOnlyList<string> Run(string id, Scenario scenario, Stopwatch clock, CancellationToken stop)
    {
        var variants = scenario.AllVariants.ToList();
        var options = scenario.Options;
        double total = variants.Count * (double)options.Replications;
        int done = 0;
        var results = Experiment.Run(variants, options, () =>
        {
            stop.ThrowIfCancellationRequested();
            store.Progress(id, 99 * Interlocked.Increment(ref done) / total); // the last percent is the writing
        });
        var info = new RunInfo(scenario.Name, "scenario.yaml", options.Replications, options.Seed, clock.Elapsed, DateTime.UtcNow, Environment.MachineName,
            Environment.ProcessorCount, options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, RunOutputs.Version, Environment.Version.ToString(),
            System.Runtime.InteropServices.RuntimeInformation.OSDescription);
        var files = RunOutputs.Files(scenario, options, results, info, RunOutputs.ResultsJson(scenario, options, results)).ToList();
        files.Add(("appraisal.json", s => JsonSerializer.Serialize(s, Appraisal(scenario, results), BoardJson.Default.AppraisalDocument)));
        OutputFolder.Write(store.OutputsPath(id), files);
        return [.. files.Select(f => f.Name)];
    }

    private IReadOnlyList<string> Optimise(string id, Scenario scenario, CancellationToken stop)
    {
        if (scenario.Optimise is null)
        {
            throw new InvalidOperationException("the scenario has no optimise: section.");
        }
        var result = Optimiser.Run(scenario, null, p =>
        {
            stop.ThrowIfCancellationRequested();
            if (p.CandidatesLeft is { } left && p.Candidates + left > 0)
            {
                store.Progress(id, 99.0 * p.Candidates / (p.Candidates + left));
            }
        });
        var files = new List<(string Name, Action<Stream> Content)>
        {
            ("optimise.json", s => s.Write(new UTF8Encoding(false).GetBytes(OptimiseJson.Text(scenario.Name, result) + Environment.NewLine))), // as bedflow optimise --out writes it
            ("report.html", s => s.Write(new UTF8Encoding(false).GetBytes(Reports.OptimiseReport.Html(scenario, result, RunOutputs.Version)))),
            ("report.xlsx", s => Reports.Workbook.OptimiseWorkbook.Write(s, scenario.Name, result)),
        };
        string yaml = File.ReadAllText(store.ScenarioPath(id));
        string target = Path.Combine(store.OutputsPath(id), "optimised-scenario.yaml");
        string optimised = OptimisedScenario.Write(yaml, target, scenario, result);
        files.Add(("optimised-scenario.yaml", s => s.Write(new UTF8Encoding(false).GetBytes(optimised))));
        OutputFolder.Write(store.OutputsPath(id), files);
        return [.. files.Select(f => f.Name)];
    }

    private IReadOnlyList<string> Forecast(string id, Scenario scenario, ForecastAsked? asked, CancellationToken stop)
    {
        if (asked is null)
        {
            throw new InvalidOperationException("the run's record does not say what to forecast.");
        }
        // The job has its own worker thread (RunQueue), not a request's: waiting on the register here blocks nothing else.
        var stays = register.StaysAsync(stop).GetAwaiter().GetResult();
        var variants = scenario.AllVariants.Where(v => asked.Variants.Contains(v.Name, StringComparer.Ordinal)).ToList();
        if (variants.Count != asked.Variants.Count)
        {
            throw new InvalidOperationException("the scenario no longer has every variant asked for.");
        }
        var settings = new ForecastSettings { Days = asked.Days, Replications = asked.Replications, Seed = scenario.Options.Seed };
        var moment = DateTime.ParseExact(asked.AsOf, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var outcome = RegisterForecast.Run(variants, stays, moment, settings, scenario.Options.Warmup, f =>
        {
            stop.ThrowIfCancellationRequested();
            store.Progress(id, 99 * f); // the last percent is the writing
        });
        if (outcome.Result is not { } result)
        {
            // The register changed since the forecast was asked for.
            throw new InvalidOperationException(string.Join(" ", ForecastFields.Problems(outcome).Select(p => $"{p.Key}: {string.Join(" ", p.Value)}")));
        }
        var files = new List<(string Name, Action<Stream> Content)>
        {
            ("forecast.json", s => s.Write(new UTF8Encoding(false).GetBytes(ForecastJson.Text(scenario.Name, result) + Environment.NewLine))), // as bedflow forecast --out writes it
            ("forecast-delayed.svg", s => s.Write(new UTF8Encoding(false).GetBytes(Reports.Charts.ForecastChart.Svg(scenario.Name, result)))),
        };
        OutputFolder.Write(store.OutputsPath(id), files);
        return [.. files.Select(f => f.Name)];
    }

    /// <summary>The appraisal in the board pack's words (Reports' wording over Core's decision), for the run's page.</summary>
    private static AppraisalDocument Appraisal(Scenario scenario, IReadOnlyList<VariantResult> results)
    {
        var decision = Core.Decisions.Decision.Of(results, scenario.Decision);
        bool priced = results is not [{ Costs: null }, ..];
        return new AppraisalDocument(Reports.Wording.VerdictWording.Statement(decision.Verdict, priced), [.. decision.Appraisals.Select(a => new OptionStandingDocument(
            a.Variant, Reports.Wording.AppraisalWording.Standing(a), a.Acceptable, a.DelayedDaysAvoided.Mean, [a.DelayedDaysAvoided.Lower, a.DelayedDaysAvoided.Upper],
            [.. Reports.Wording.AppraisalWording.Why(a)]))]);
    }

    private void Finish(RunRecord record, string status, string message)
    {
        store.Save(record with { Status = status, FinishedUtc = store.Now(), Message = message });
        Stopped(logger, record.Id, status);
    }

    private static bool Cancelled(Exception e) =>
        e is OperationCanceledException || (e is AggregateException a && a.Flatten().InnerExceptions.All(x => x is OperationCanceledException));

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Id} ({Kind}) done in {Seconds:0.0} s")]
    private static partial void Finished(ILogger logger, string id, string kind, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {Id} stopped: {Status}")]
    private static partial void Stopped(ILogger logger, string id, string status);
}
