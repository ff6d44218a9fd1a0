using System.Globalization;
using System.Text;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using CsvHelper;
using CsvHelper.Configuration;

namespace Bedflow.Data.Register;

/// <summary>One episode read from a patient-level extract, NHS number already hashed.</summary>
internal sealed record ExtractEpisode(string Provider, string NhsHash, DateTime Admitted, DateTime? Ready, DateTime? Discharged,
    string Service, SitRepBeds Beds, string? Destination, bool Adult, List<ReasonChange> Reasons, List<int> Lines)
{
    /// <summary>The NHS number encrypted (<see cref="IdentityCipher"/>, bound to the patient's hash), or null without a cipher.</summary>
    public string? NhsSealed { get; init; }

    /// <summary>The local hospital number encrypted (bound to the episode), or null when the rows give none or there is no cipher.</summary>
    public string? LocalSealed { get; set; }
}

/// <summary>
/// Reads and checks a patient-level delay extract (docs/register.md): one row per episode and
/// reason period; rows with the same provider, NHS number and admission form one episode. Here
/// the read, row by row; the header in RegisterExtract.Header.cs, a row's checks in
/// RegisterExtract.Rows.cs, the checks across an episode's rows in RegisterExtract.Episodes.cs,
/// which episodes a bad row keeps out in RegisterExtract.Ties.cs, and the second read that
/// fills in the kept-out rows for the rejects file in RegisterExtract.KeptOut.cs.
/// </summary>
internal static partial class RegisterExtract
{
    /// <summary>The longest cell an extract may have, in characters.</summary>
    public const int MaxCell = 10_000;

    /// <summary>Every episode and every problem; bad lines are listed with the raw line for a rejects file.</summary>
    public static (List<ExtractEpisode> Episodes, List<ImportProblem> Problems, Dictionary<int, string[]> BadLines) Read(TextReader reader, string file, byte[] key) =>
        Read(reader, file, key, out _, out _);

    /// <summary>
    /// As above; <paramref name="fatal"/> is set when nothing can be imported safely even with
    /// --skip-invalid (a bad header, or a bad row that cannot be tied to its episode), and
    /// <paramref name="fileHeader"/> is the file's own header (masked), for the rejects file.
    /// </summary>
    public static (List<ExtractEpisode> Episodes, List<ImportProblem> Problems, Dictionary<int, string[]> BadLines) Read(TextReader reader, string file, byte[] key,
        out bool fatal, out string[] fileHeader) => Read(reader, file, key, null, out fatal, out fileHeader);

    /// <summary>As above, encrypting each episode's identifiers with <paramref name="cipher"/> when there is one.</summary>
    public static (List<ExtractEpisode> Episodes, List<ImportProblem> Problems, Dictionary<int, string[]> BadLines) Read(TextReader reader, string file, byte[] key,
        IdentityCipher? cipher, out bool fatal, out string[] fileHeader)
    {
        fatal = false;
        fileHeader = Columns;
        var problems = new List<ImportProblem>();
        var bad = new Dictionary<int, string[]>();
        using var csv = new CsvReader(reader, Configuration());
        try
        {
            return Read(csv, file, key, cipher, problems, bad, out fatal, out fileHeader);
        }
        catch (MaxFieldSizeException)
        {
            fatal = true;
            problems.Add(new ImportProblem(file, csv.Parser.RawRow, "", $"a cell is longer than {MaxCell:N0} characters (an unclosed quote?): this does not look like a delay extract, and nothing was imported."));
            return ([], problems, bad);
        }
    }

    /// <summary>A strict UTF-8 reader: a file in another encoding is an error, not garbled text.</summary>
    public static StreamReader Open(string path) =>
        new(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    /// <summary>
    /// How both reads of an extract parse it. A cell longer than <see cref="MaxCell"/> (an unclosed
    /// quote swallowing the rest of the file, a file that is not an extract) stops the read: no input
    /// can make the importer hold one huge cell in memory.
    /// </summary>
    private static CsvConfiguration Configuration() =>
        new(CultureInfo.InvariantCulture) { DetectColumnCountChanges = false, BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim, MaxFieldSize = MaxCell };

    private static (List<ExtractEpisode> Episodes, List<ImportProblem> Problems, Dictionary<int, string[]> BadLines) Read(CsvReader csv, string file, byte[] key, IdentityCipher? cipher,
        List<ImportProblem> problems, Dictionary<int, string[]> bad, out bool fatal, out string[] fileHeader)
    {
        fatal = false;
        fileHeader = Columns;
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
        int localColumn = Array.IndexOf(header, LocalNumberColumn);
        var episodes = new Dictionary<(string, string, DateTime), ExtractEpisode>();
        var ties = new BadRowTies();
        int lastLine = 1;
        while (csv.Read())
        {
            int line = StartLine(csv, lastLine);
            lastLine = csv.Parser.RawRow;
            if (Blank(csv))
            {
                continue; // a row of empty cells (Excel leaves them) belongs to no episode
            }
            int before = problems.Count;
            void Add(string column, string message) => problems.Add(new ImportProblem(file, line, column, message));
            string Get(string column) => Array.IndexOf(header, column) is var i and >= 0 && i < csv.Parser.Count ? (csv.GetField(i) ?? "").Trim() : "";
            // A malformed row's cells may have shifted: none of its columns can be trusted.
            bool malformed = csv.Parser.Count != header.Length;
            if (malformed)
            {
                Add("", $"has {csv.Parser.Count} fields, but the header has {header.Length} (a truncated or malformed line?).");
            }
            CheckCells(csv, header, Add);
            string provider = Get("provider");
            string? nhs = NhsNumber.Normalise(Get("nhs_number"));
            DateTime? admitted = malformed ? null : CheckIdentity(Get, Add, provider, nhs);
            var episode = malformed ? null : ReadEpisode(Get, Add, provider, nhs, admitted, key, cipher, line);
            if (problems.Count > before || episode is null)
            {
                bad[line] = Masked(csv, localColumn);
                ties.Add(TrustedIdentity(csv, malformed, provider, nhs, admitted, key));
                continue;
            }
            if (!Gather(episodes, episode, Add))
            {
                bad[line] = Masked(csv, localColumn);
                ties.Taint((episode.Provider, episode.NhsHash, episode.Admitted));
            }
        }
        KeepOutTied(episodes.Values, ties, file, problems, bad);
        CheckEpisodes(episodes.Values, file, problems, bad);
        if (ties.Unidentified > 0)
        {
            fatal = true;
            problems.Add(new ImportProblem(file, 0, "", $"{ties.Unidentified} bad row(s) cannot be tied to their episode (no valid NHS number anywhere in the row, and not both a readable provider and admission): nothing can be imported safely, even with --skip-invalid. Fix them first."));
        }
        return ([.. episodes.Values.Where(e => !e.Lines.Any(bad.ContainsKey))], problems, bad);
    }

    /// <summary>The physical line a record starts on (a quoted cell may span lines; blank lines are skipped).</summary>
    private static int StartLine(CsvReader csv, int lastLine) => Math.Max(lastLine + 1, csv.Parser.RawRow - CountNewlines(csv.Parser.RawRecord));

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
}
