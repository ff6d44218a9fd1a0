using System.CommandLine;
using System.Globalization;
using Bedflow.Data.Register;

namespace Bedflow.Cli;

/// <summary>`bedflow register import-published | benchmark | trend`: NHS England's published council data.</summary>
internal static class RegisterPublishedCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error, Func<string?, string?, RegisterOptions, TextWriter, CancellationToken, Task<(RegisterDatabase? Db, int Failure)>> openForWrite,
        Func<string?, string?, TextWriter, CancellationToken, Task<(RegisterDatabase? Db, int Failure)>> openExisting, Func<Option<string?>> db)
    {
        var wait = RegisterCommand.Wait();
        yield return ImportPublished(output, error, openForWrite, db(), wait);
        yield return Benchmark(output, error, openExisting, db());
        yield return Trend(output, error, openExisting, db());
    }

    private static Command ImportPublished(TextWriter output, TextWriter error, Func<string?, string?, RegisterOptions, TextWriter, CancellationToken, Task<(RegisterDatabase? Db, int Failure)>> open,
        Option<string?> db, Option<TimeSpan> wait)
    {
        var file = new Argument<string>("FILE") { Description = "dtoc-la-days-by-reason.csv (import first) or dtoc-la-days-by-organisation.csv." };
        var command = new Command("import-published", "Import NHS England's published monthly delayed days by council.") { file, db, wait };
        command.SetAction(async (parse, cancel) =>
        {
            var (database, failure) = await open(RegisterCommand.Engine(parse), parse.GetValue(db), RegisterCommand.Waiting(parse.GetValue(wait), error), error, cancel);
            if (database is null)
            {
                return failure;
            }
            PublishedImport result;
            try
            {
                result = await PublishedData.ImportAsync(database, parse.GetValue(file)!, cancel);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or RegisterBusyException or TimeoutException)
            {
                error.WriteLine($"bedflow: {DelayRegister.Describe(e)}" + (e is RegisterBusyException ? "" : ". Nothing was imported: the register is as it was."));
                return ExitCodes.Failure;
            }
            foreach (var p in result.Problems)
            {
                error.WriteLine(p.ToString());
            }
            if (!result.Imported)
            {
                error.WriteLine($"{result.Problems.Count} problem(s); nothing was imported.");
                return ExitCodes.UsageError;
            }
            output.WriteLine($"Imported the published delayed days {result.Kind}: {result.Councils} councils, {result.Months} months.");
            foreach (string note in result.Notes)
            {
                output.WriteLine(note);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Benchmark(TextWriter output, TextWriter error, Func<string?, string?, TextWriter, CancellationToken, Task<(RegisterDatabase? Db, int Failure)>> open, Option<string?> db)
    {
        var la = new Option<string>("--la") { Description = "The council's code (E-code or old numeric code), e.g. E10000025 or 608; England (or - or E92000001) for the national total.", Required = true };
        var from = new Option<string>("--from") { Description = "First month, YYYY-MM.", Required = true };
        var to = new Option<string>("--to") { Description = "Last month, YYYY-MM.", Required = true };
        var population = new Option<string?>("--population") { Description = "CSV with columns code,adults (aged 18+): rank by rate per 100,000 adults." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("benchmark", "A council's delayed days by reason and organisation, and its rank among all councils.") { la, from, to, population, json, db };
        command.SetAction(async (parse, cancel) =>
        {
            string? f = Month(parse.GetValue(from)), t = Month(parse.GetValue(to));
            if (f is null || t is null || string.CompareOrdinal(f, t) > 0)
            {
                error.WriteLine("bedflow: --from and --to must be months YYYY-MM, --from not after --to.");
                return ExitCodes.UsageError;
            }
            IReadOnlyDictionary<string, long>? adults = null;
            if (parse.GetValue(population) is { } path)
            {
                adults = ReadPopulation(path, error);
                if (adults is null)
                {
                    return ExitCodes.UsageError;
                }
            }
            var (database, failure) = await open(RegisterCommand.Engine(parse), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            var b = await PublishedFigures.BenchmarkAsync(database, parse.GetValue(la)!, f, t, adults, cancel);
            if (b is null)
            {
                error.WriteLine($"bedflow: no council with code '{parse.GetValue(la)}' in the published data (import it with 'bedflow register import-published').");
                return ExitCodes.UsageError;
            }
            PublishedOutput.Benchmark(b, parse.GetValue(json), output);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Trend(TextWriter output, TextWriter error, Func<string?, string?, TextWriter, CancellationToken, Task<(RegisterDatabase? Db, int Failure)>> open, Option<string?> db)
    {
        var la = new Option<string>("--la") { Description = "The council's code, or England (- or E92000001) for the national total.", Required = true };
        var months = new Option<string?>("--months") { Description = "Two months FROM,TO (YYYY-MM,YYYY-MM): how much of the change between them is seasonal." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("trend", "A council's monthly delayed days ÷ days in month, its seasonal pattern and trend (classical decomposition).") { la, months, json, db };
        command.SetAction(async (parse, cancel) =>
        {
            string? from = null, to = null;
            if (parse.GetValue(months) is { } text)
            {
                var parts = text.Split(',');
                from = parts.Length == 2 ? Month(parts[0]) : null;
                to = parts.Length == 2 ? Month(parts[1]) : null;
                if (from is null || to is null)
                {
                    error.WriteLine($"bedflow: --months must be two months YYYY-MM,YYYY-MM, but was '{text}'.");
                    return ExitCodes.UsageError;
                }
            }
            var (database, failure) = await open(RegisterCommand.Engine(parse), parse.GetValue(db), error, cancel);
            if (database is null)
            {
                return failure;
            }
            if (await PublishedFigures.SeriesAsync(database, parse.GetValue(la)!, cancel) is not { } series)
            {
                error.WriteLine($"bedflow: no published data for council '{parse.GetValue(la)}'.");
                return ExitCodes.UsageError;
            }
            string last = series.First.AddMonths(series.Values.Length - 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            string firstText = series.First.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            if ((from is not null && (string.CompareOrdinal(from, firstText) < 0 || string.CompareOrdinal(from, last) > 0))
                || (to is not null && (string.CompareOrdinal(to, firstText) < 0 || string.CompareOrdinal(to, last) > 0)))
            {
                error.WriteLine($"bedflow: --months must lie within the series, {firstText} to {last}.");
                return ExitCodes.UsageError;
            }
            if (series.Values.Length < 24)
            {
                error.WriteLine("bedflow: a seasonal pattern needs at least 24 months of data.");
                return ExitCodes.UsageError;
            }
            var (d, share) = PublishedFigures.Trend(series.First, series.Values, from, to);
            PublishedOutput.Trend(series, d, share, from, to, parse.GetValue(json), output);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A month YYYY-MM (spaces around it allowed), or null when it is not one.</summary>
    internal static string? Month(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null;

    private static IReadOnlyDictionary<string, long>? ReadPopulation(string path, TextWriter error)
    {
        var read = PopulationFile.Read(path);
        foreach (var p in read.Problems)
        {
            error.WriteLine(p.ToString());
        }
        return read.Adults;
    }
}
