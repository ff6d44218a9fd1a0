using System.Globalization;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Register;

internal static partial class RegisterExtract
{
    /// <summary>
    /// A valid NHS number (modulus 11) standing in for the patient while an edited episode is checked:
    /// the register holds only the patient's hash, and the checks need a number to read a row.
    /// It is never stored, shown or logged.
    /// </summary>
    private const string StandIn = "9990000018";

    private static readonly byte[] StandInKey = "bedflow-edit-check"u8.ToArray();

    /// <summary>
    /// Checks an episode with an edit applied exactly as an import checks it: the episode is written
    /// out as the rows of an extract of its own (one per reason period, the new one last) and read
    /// back by <see cref="Read(TextReader, string, byte[])"/>. The episode as read (times, reasons in
    /// order), or the problems, by extract column.
    /// </summary>
    public static (ExtractEpisode? Episode, List<ImportProblem> Problems) CheckEdit(EpisodeRecord stored, EpisodeEdit edit, string file)
    {
        static string T(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
        static string Or(string? given, string current) => string.IsNullOrWhiteSpace(given) ? current : given.Trim();
        string ready = Or(edit.Ready, T(stored.Ready));
        string discharged = Or(edit.Discharged, T(stored.Discharged));
        string destination = Or(edit.Destination, stored.Destination ?? "");
        var rows = stored.Reasons.Select(r => (Reason: SitRepCodes.Code(r.Reason), Responsible: ResponsibilityWords.ExtractColumn(r.Responsible), From: T(r.From))).ToList();
        bool newReason = !string.IsNullOrWhiteSpace(edit.Reason) || !string.IsNullOrWhiteSpace(edit.Responsible) || !string.IsNullOrWhiteSpace(edit.ReasonFrom);
        if (newReason)
        {
            rows.Add(((edit.Reason ?? "").Trim(), (edit.Responsible ?? "").Trim(), (edit.ReasonFrom ?? "").Trim()));
        }
        if (rows.Count == 0)
        {
            rows.Add(("", "", ""));
        }
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.Write(Csv.CsvOutput.Line(Columns.AsSpan(0, Columns.Length - 1)));
        foreach (var (reason, responsible, from) in rows)
        {
            text.Write(Csv.CsvOutput.Line(stored.Provider, StandIn, T(stored.Admitted), ready, discharged, stored.Service, SitRepCodes.Code(stored.Beds), destination,
                reason, responsible, from, stored.Adult ? "yes" : "no"));
        }
        var (episodes, problems, _) = Read(new StringReader(text.ToString()), file, StandInKey);
        if (newReason && string.IsNullOrWhiteSpace(edit.Reason))
        {
            // A row with no reason is read as "no reason given": here the other parts of one were, so it is missing.
            problems.Add(new ImportProblem(file, rows.Count + 1, "reason", "is required but empty."));
        }
        // The stand-in number is the checks' own: no message may carry it (none does; this keeps it so).
        // An edit is one episode: that its other rows are kept out with the bad one says nothing more.
        problems = [.. problems.Where(p => p.Message != KeptOutNote).Select(p => p with { Message = p.Message.Replace(StandIn, "the patient's NHS number", StringComparison.Ordinal) })];
        return (problems.Count == 0 && episodes is [var e] ? e : null, problems);
    }
}
