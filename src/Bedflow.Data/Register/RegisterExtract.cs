using System.Globalization;
using System.Text;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bedflow.Data.Register;

/// <summary>One episode read from a patient-level extract, NHS number already hashed.</summary>
internal sealed record ExtractEpisode(string Provider, string NhsHash, DateTime Admitted, DateTime? Ready, DateTime? Discharged,
    string Service, SitRepBeds Beds, string? Destination, bool Adult, List<ReasonChange> Reasons, List<int> Lines);

/// <summary>
/// A problem with one line of an extract (line 1 is the header; 0 = the whole file). The column and
/// the message pass through <see cref="NhsNumber.Redact"/> as the problem is made, so no value a
/// problem echoes can carry an NHS number, whatever column it was typed into.
/// </summary>
public sealed record ImportProblem(string File, int Line, string Column, string Message)
{
    /// <summary>The column the problem is in, or "" (masked).</summary>
    public string Column { get; init; } = NhsNumber.Redact(Column);

    /// <summary>What is wrong (masked).</summary>
    public string Message { get; init; } = NhsNumber.Redact(Message);

    /// <summary>"file:line: column: message", or "file: message" for the whole file.</summary>
    public override string ToString() => $"{File}:{(Line > 0 ? $"{Line}:" : "")} {(Column.Length > 0 ? Column + ": " : "")}{Message}";
}

/// <summary>
/// Reads and checks a patient-level delay extract (docs/register.md): one row per episode and
/// reason period; rows with the same provider, NHS number and admission form one episode.
/// </summary>
internal static class RegisterExtract
{
    public static readonly string[] Columns =
        ["provider", "nhs_number", "admitted", "ready_for_transfer", "discharged", "service", "bed_type", "destination", "reason", "responsible", "reason_from", "adult"];

    private static readonly string[] Required = ["provider", "nhs_number", "admitted", "service", "bed_type"];

    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    /// <summary>Every episode and every problem; bad lines are listed with the raw line for a rejects file.</summary>
    public static (List<ExtractEpisode> Episodes, List<ImportProblem> Problems, Dictionary<int, string[]> BadLines) Read(TextReader reader, string file, byte[] key) =>
        Read(reader, file, key, out _, out _);

    /// <summary>
    /// As above; <paramref name="fatal"/> is set when nothing can be imported safely even with
    /// --skip-invalid (a bad header, or a bad row that cannot be tied to its episode), and
    /// <paramref name="fileHeader"/> is the file's own header (masked), for the rejects file.
    /// </summary>
    public static (List<ExtractEpisode> Episodes, List<ImportProblem> Problems, Dictionary<int, string[]> BadLines) Read(TextReader reader, string file, byte[] key,
        out bool fatal, out string[] fileHeader)
    {
        fatal = false;
        fileHeader = Columns;
        var problems = new List<ImportProblem>();
        var bad = new Dictionary<int, string[]>();
        // A cell longer than MaxCell (an unclosed quote swallowing the rest of the file, a file that is not an
        // extract) stops the read: no input can make the importer hold one huge cell in memory.
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = false, BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim, MaxFieldSize = MaxCell };
        using var csv = new CsvReader(reader, config);
        try
        {
            return Read(csv, file, key, problems, bad, out fatal, out fileHeader);
        }
        catch (MaxFieldSizeException)
        {
            fatal = true;
            problems.Add(new ImportProblem(file, csv.Parser.RawRow, "", $"a cell is longer than {MaxCell:N0} characters (an unclosed quote?): this does not look like a delay extract, and nothing was imported."));
            return ([], problems, bad);
        }
    }

    /// <summary>The longest cell an extract may have, in characters.</summary>
    public const int MaxCell = 10_000;

    private static (List<ExtractEpisode> Episodes, List<ImportProblem> Problems, Dictionary<int, string[]> BadLines) Read(CsvReader csv, string file, byte[] key,
        List<ImportProblem> problems, Dictionary<int, string[]> bad, out bool fatal, out string[] fileHeader)
    {
        fatal = false;
        fileHeader = Columns;
        var episodes = new Dictionary<(string, string, DateTime), ExtractEpisode>();
        var tainted = new HashSet<(string, string, DateTime)>(); // episodes with a bad row: kept out whole
        var looseTies = new List<(string? Provider, string? Hash, DateTime? Admitted)>(); // bad rows known by two of the three identity fields
        if (!csv.Read() || !csv.ReadHeader())
        {
            fatal = true;
            problems.Add(new ImportProblem(file, 1, "", "the file is empty: it needs a header row and at least one row (see docs/register.md)."));
            return ([], problems, bad);
        }
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        fileHeader = [.. csv.HeaderRecord!.Select(NhsNumber.Redact)];
        if (HeaderProblem(header) is { } headerProblem)
        {
            fatal = true;
            problems.Add(new ImportProblem(file, 1, "", headerProblem));
            return ([], problems, bad);
        }
        int unidentified = 0;
        int lastLine = 1;
        while (csv.Read())
        {
            // The physical line the record starts on (a quoted cell may span lines; blank lines are skipped).
            int line = StartLine(csv, lastLine);
            lastLine = csv.Parser.RawRow;
            if (Blank(csv))
            {
                continue; // a row of empty cells (Excel leaves them) belongs to no episode
            }
            int before = problems.Count;
            void Add(string column, string message) => problems.Add(new ImportProblem(file, line, column, message));
            string Get(string column) => Array.IndexOf(header, column) is var i and >= 0 && i < csv.Parser.Count ? (csv.GetField(i) ?? "").Trim() : "";
            if (csv.Parser.Count != header.Length)
            {
                Add("", $"has {csv.Parser.Count} fields, but the header has {header.Length} (a truncated or malformed line?).");
            }
            for (int i = 0; i < Math.Min(csv.Parser.Count, header.Length); i++)
            {
                string cell = csv.Parser[i] ?? "";
                if (header[i] != "nhs_number" && NhsNumber.ContainsNumberLike(cell))
                {
                    Add(header[i], "holds what looks like an NHS number: NHS numbers belong only in the nhs_number column.");
                }
                if (cell.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
                {
                    Add(header[i], "holds a control character (such as NUL): is this a text CSV file?");
                }
                if (header[i] is "provider" or "service" && cell.Length > MaxName)
                {
                    Add(header[i], $"is longer than {MaxName} characters.");
                }
            }
            string provider = Get("provider");
            string? nhs = NhsNumber.Normalise(Get("nhs_number"));
            DateTime? admitted = null;
            // A malformed row's cells may have shifted: none of its columns can be trusted.
            bool malformed = csv.Parser.Count != header.Length;
            if (!malformed)
            {
                if (provider.Length == 0)
                {
                    Add("provider", "is empty.");
                }
                if (nhs is null)
                {
                    Add("nhs_number", $"{NhsNumber.Mask(Get("nhs_number"))} is not a valid NHS number (ten digits with a correct modulus-11 check digit).");
                }
                admitted = Time(Get("admitted"), "admitted", required: true, Add);
            }
            var episode = csv.Parser.Count == header.Length ? ReadEpisode(Get, Add, provider, nhs, admitted, key, line) : null;
            if (problems.Count > before || episode is null)
            {
                bad[line] = Masked(csv);
                // Which episode is this row? Only what can be trusted: the provider and admission of a
                // well-formed row, and the patient from a valid NHS number wherever it sits in the row.
                string? p = !malformed && provider.Length > 0 && !NhsNumber.ContainsNumberLike(provider) ? provider : null;
                string? number = (malformed ? null : nhs) ?? FirstValidNumber(csv);
                string? hash = number is null ? null : NhsNumber.Hash(number, key);
                DateTime? a = malformed ? null : admitted;
                if (p is not null && hash is not null && a is not null)
                {
                    tainted.Add((p, hash, a.Value));
                }
                else if (hash is not null || (p is not null && a is not null))
                {
                    looseTies.Add((p, hash, a)); // keeps out every episode that matches what it has: the patient's, or the provider's at that admission
                }
                else
                {
                    unidentified++;
                }
                continue;
            }
            var identity = (episode.Provider, episode.NhsHash, episode.Admitted);
            if (episodes.TryGetValue(identity, out var existing))
            {
                if ((existing.Ready, existing.Discharged, existing.Service, existing.Beds, existing.Destination, existing.Adult) != (episode.Ready, episode.Discharged, episode.Service, episode.Beds, episode.Destination, episode.Adult))
                {
                    Add("", $"disagrees with line {existing.Lines[0]} about the same episode (provider, NHS number, admission): ready, discharge, service, bed type, destination and adult must match.");
                    bad[line] = Masked(csv);
                    tainted.Add(identity);
                    continue;
                }
                if (episode.Reasons is [var c] && existing.Reasons.Any(x => x.From == c.From))
                {
                    Add("reason_from", $"repeats a reason time already given on line {existing.Lines[0]} for this episode.");
                    bad[line] = Masked(csv);
                    tainted.Add(identity);
                    continue;
                }
                existing.Lines.Add(line);
                existing.Reasons.AddRange(episode.Reasons);
            }
            else
            {
                episodes[identity] = episode;
            }
        }
        foreach (var (identity, e) in episodes)
        {
            if (tainted.Contains(identity) || looseTies.Any(t => (t.Provider ?? e.Provider) == e.Provider && (t.Hash ?? e.NhsHash) == e.NhsHash && (t.Admitted ?? e.Admitted) == e.Admitted))
            {
                foreach (int l in e.Lines)
                {
                    problems.Add(new ImportProblem(file, l, "", "is part of an episode with a bad row elsewhere in the file: the whole episode is kept out."));
                    bad.TryAdd(l, KeptOut);
                }
            }
        }
        foreach (var e in episodes.Values)
        {
            e.Reasons.Sort((x, y) => x.From.CompareTo(y.From));
            if (e.Ready is { } r && (e.Discharged is null || e.Discharged.Value.Date > r.Date) && e.Reasons.Count == 0)
            {
                problems.Add(new ImportProblem(file, e.Lines[0], "reason", "the patient is delayed past midnight but no row gives a delay reason."));
                foreach (int l in e.Lines)
                {
                    bad.TryAdd(l, KeptOut);
                }
            }
        }
        if (unidentified > 0)
        {
            fatal = true;
            problems.Add(new ImportProblem(file, 0, "", $"{unidentified} bad row(s) cannot be tied to their episode (no valid NHS number anywhere in the row, and not both a readable provider and admission): nothing can be imported safely, even with --skip-invalid. Fix them first."));
        }
        return ([.. episodes.Values.Where(e => !e.Lines.Any(bad.ContainsKey))], problems, bad);
    }

    /// <summary>
    /// The cells of a good row kept out with its episode: filled in by <see cref="FillKeptOut"/>,
    /// which reads the file again, so the rows need not be held in memory meanwhile.
    /// </summary>
    public static readonly string[] KeptOut = [];

    /// <summary>Fills in the masked cells of the <see cref="KeptOut"/> lines of <paramref name="bad"/>, reading the file again.</summary>
    public static void FillKeptOut(TextReader reader, Dictionary<int, string[]> bad)
    {
        var wanted = bad.Where(b => ReferenceEquals(b.Value, KeptOut)).Select(b => b.Key).ToHashSet();
        if (wanted.Count == 0)
        {
            return;
        }
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = false, BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim, MaxFieldSize = MaxCell };
        using var csv = new CsvReader(reader, config);
        int lastLine = 0;
        while (wanted.Count > 0 && csv.Read())
        {
            int line = StartLine(csv, lastLine);
            lastLine = csv.Parser.RawRow;
            if (wanted.Remove(line))
            {
                bad[line] = Masked(csv);
            }
        }
    }

    /// <summary>The physical line a record starts on (a quoted cell may span lines; blank lines are skipped).</summary>
    private static int StartLine(CsvReader csv, int lastLine) => Math.Max(lastLine + 1, csv.Parser.RawRow - CountNewlines(csv.Parser.RawRecord));

    /// <summary>The longest provider code or service name, in characters.</summary>
    public const int MaxName = 200;

    /// <summary>True when every cell of the row is empty or spaces.</summary>
    private static bool Blank(CsvReader csv)
    {
        for (int i = 0; i < csv.Parser.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(csv.Parser[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The first cell of the row that is a valid NHS number, or null.</summary>
    private static string? FirstValidNumber(CsvReader csv)
    {
        for (int i = 0; i < csv.Parser.Count; i++)
        {
            if (NhsNumber.Normalise(csv.Parser[i]) is { } number)
            {
                return number;
            }
        }
        return null;
    }

    /// <summary>Why the header cannot be read, or null. Never echoes a cell that may be data.</summary>
    private static string? HeaderProblem(string[] header)
    {
        if (header.Length <= 2 && header.Any(h => h.Contains(';', StringComparison.Ordinal)))
        {
            return "the file looks semicolon-separated: Bedflow reads comma-separated UTF-8 (in Excel: Save As, CSV UTF-8).";
        }
        var missing = Required.Where(c => !header.Contains(c)).ToList();
        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        var twice = header.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count == 0 && unknown.Count == 0 && twice.Count == 0)
        {
            return null;
        }
        // A "column name" with digits is data: the header row is missing. Never echo it (it may be an NHS number).
        if (unknown.Any(u => u.Any(char.IsAsciiDigit)))
        {
            return $"the first row holds values, not column names: is the header row missing? Expected: {string.Join(", ", Columns)}.";
        }
        return ((missing.Count > 0 ? $"missing column(s): {string.Join(", ", missing)}. " : "")
            + string.Join(" ", twice.Select(t => $"column '{t}' appears {header.Count(h => h == t)} times: each column once.")) + (twice.Count > 0 ? " " : "")
            + string.Join(" ", unknown.Select(u => $"unknown column '{u}'.{Scenarios.Suggest.DidYouMean(u, Columns)}"))
            + $" Expected: {string.Join(", ", Columns)}.").Replace("  ", " ", StringComparison.Ordinal);
    }

    /// <summary>The episode a well-formed row describes (its one reason period, if any), or null after adding its problems.</summary>
    private static ExtractEpisode? ReadEpisode(Func<string, string> get, Action<string, string> add, string provider, string? nhs, DateTime? admitted, byte[] key, int line)
    {
        bool ok = true;
        void Add(string column, string message)
        {
            ok = false;
            add(column, message);
        }
        var ready = Time(get("ready_for_transfer"), "ready_for_transfer", required: false, Add);
        var discharged = Time(get("discharged"), "discharged", required: false, Add);
        if (admitted is { } a && ready is { } r && r < a)
        {
            Add("ready_for_transfer", "is before admission.");
        }
        if (discharged is { } d && ((ready is { } r2 && d < r2) || (admitted is { } a2 && d < a2)))
        {
            Add("discharged", ready is null ? "is before admission." : "is before the patient was ready for transfer.");
        }
        string service = get("service");
        if (service.Length == 0)
        {
            Add("service", "is empty.");
        }
        SitRepBeds? beds = SitRepCodes.Beds(get("bed_type")) is { } b && b != SitRepBeds.None ? b : null;
        if (beds is null)
        {
            Add("bed_type", $"'{get("bed_type")}' is not acute or non_acute.");
        }
        string destination = get("destination");
        if (destination.Length > 0 && destination is not ("P0" or "P1" or "P2" or "P3" or "none"))
        {
            Add("destination", $"'{destination}' is not a discharge pathway: P0, P1, P2, P3, or none (not a discharge).");
        }
        string adultText = get("adult").ToLowerInvariant();
        if (adultText is not ("" or "yes" or "no" or "y" or "n" or "true" or "false"))
        {
            Add("adult", $"'{get("adult")}' is not yes or no.");
        }
        ReasonChange? change = null;
        string reasonText = get("reason");
        if (reasonText.Length > 0)
        {
            DelayReason? reason = SitRepCodes.Reason(reasonText);
            Responsibility? who = SitRepCodes.Responsible(get("responsible"));
            var from = Time(get("reason_from"), "reason_from", required: true, Add);
            if (reason is null)
            {
                Add("reason", $"'{reasonText}' is not a SitRep reason: {string.Join(", ", SitRep.Reasons)}.");
            }
            if (who is null)
            {
                Add("responsible", $"'{get("responsible")}' is not NHS, Social Care or Both.");
            }
            if (reason is { } rr && who is { } ww && !SitRep.Allows(rr, ww))
            {
                Add("responsible", $"reason {rr} cannot be the responsibility of {SitRep.ExtractColumn(ww)} in the SitRep.");
            }
            if (ready is null && reason is not null)
            {
                Add("reason", "a delay reason needs a ready_for_transfer time.");
            }
            if (from is { } f && ((ready is { } rf && f < rf) || (discharged is { } df && f > df)))
            {
                Add("reason_from", "is outside the delay (before ready for transfer or after discharge).");
            }
            if (reason is { } r3 && who is { } w3 && from is { } f3)
            {
                change = new ReasonChange(f3, r3, w3);
            }
        }
        if (!ok || provider.Length == 0 || nhs is null || admitted is null)
        {
            return null;
        }
        return new ExtractEpisode(provider, NhsNumber.Hash(nhs, key), admitted.Value, ready, discharged, service, beds!.Value,
            destination.Length == 0 ? null : destination, adultText is not ("no" or "n" or "false"), change is { } c ? [c] : [], [line]);
    }

    private static int CountNewlines(string? raw)
    {
        int n = 0;
        string text = (raw ?? "").TrimEnd('\r', '\n');
        foreach (char ch in text)
        {
            if (ch == '\n')
            {
                n++;
            }
        }
        return n;
    }

    private static DateTime? Time(string text, string column, bool required, Action<string, string> add)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                add(column, "is required but empty.");
            }
            return null;
        }
        if (DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }
        add(column, $"'{text}' is not a date and time: write yyyy-mm-dd hh:mm (or yyyy-mm-dd).");
        return null;
    }

    /// <summary>
    /// The row's fields with anything that could be an NHS number masked, wherever it sits (a
    /// malformed row may have shifted it): rejects files never hold NHS numbers.
    /// </summary>
    private static string[] Masked(CsvReader csv)
    {
        var fields = new string[csv.Parser.Count];
        for (int i = 0; i < fields.Length; i++)
        {
            string f = csv.Parser[i] ?? "";
            // A cell that is an NHS number with odd spacing (or nine digits typed short) is masked whole too.
            string digits = new([.. f.Where(char.IsAsciiDigit)]);
            bool numberLike = digits.Length >= 9 && f.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-');
            fields[i] = numberLike || NhsNumber.IsValid(f) ? NhsNumber.Mask(digits) : NhsNumber.Redact(f);
        }
        return fields;
    }

    /// <summary>A strict UTF-8 reader: a file in another encoding is an error, not garbled text.</summary>
    public static StreamReader Open(string path) =>
        new(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
}
