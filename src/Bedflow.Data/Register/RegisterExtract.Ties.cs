using CsvHelper;

namespace Bedflow.Data.Register;

internal static partial class RegisterExtract
{
    /// <summary>The problem of a good row kept out because its episode has a bad row.</summary>
    private const string KeptOutNote = "is part of an episode with a bad row elsewhere in the file: the whole episode is kept out.";

    /// <summary>
    /// What a bad row can be trusted to say about its episode: the provider and admission of a
    /// well-formed row, and the patient (hashed) from a valid NHS number wherever it sits in the row.
    /// </summary>
    private static (string? Provider, string? Hash, DateTime? Admitted) TrustedIdentity(CsvReader csv, bool malformed, string provider, string? nhs, DateTime? admitted, byte[] key)
    {
        string? p = !malformed && provider.Length > 0 && !NhsNumber.ContainsNumberLike(provider) ? provider : null;
        string? number = (malformed ? null : nhs) ?? FirstValidNumber(csv);
        string? hash = number is null ? null : NhsNumber.Hash(number, key);
        DateTime? a = malformed ? null : admitted;
        return (p, hash, a);
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

    /// <summary>Keeps out, whole, every episode a bad row is tied to: each of its lines gets a problem and becomes a <see cref="KeptOut"/> line of <paramref name="bad"/>.</summary>
    private static void KeepOutTied(IEnumerable<ExtractEpisode> episodes, BadRowTies ties, string file, List<ImportProblem> problems, Dictionary<int, string[]> bad)
    {
        foreach (var e in episodes)
        {
            if (ties.KeepsOut(e))
            {
                foreach (int l in e.Lines)
                {
                    problems.Add(new ImportProblem(file, l, "", KeptOutNote));
                    bad.TryAdd(l, KeptOut);
                }
            }
        }
    }

    /// <summary>
    /// The episodes the bad rows of an extract belong to, as far as each row can be trusted to say:
    /// a row known by provider, patient and admission taints that one episode; a row known by the
    /// patient alone, or by the provider and admission alone, keeps out every episode that matches
    /// what it has; a row known by less cannot be tied to any (<see cref="Unidentified"/>).
    /// </summary>
    private sealed class BadRowTies
    {
        private readonly HashSet<(string, string, DateTime)> tainted = [];
        private readonly List<(string? Provider, string? Hash, DateTime? Admitted)> looseTies = [];

        /// <summary>Bad rows that cannot be tied to their episode: with one, nothing can be imported safely.</summary>
        public int Unidentified { get; private set; }

        /// <summary>Ties a bad row to the episodes that match what it can be trusted to say.</summary>
        public void Add((string? Provider, string? Hash, DateTime? Admitted) row)
        {
            if (row is ({ } p, { } hash, { } a))
            {
                tainted.Add((p, hash, a));
            }
            else if (row.Hash is not null || (row.Provider is not null && row.Admitted is not null))
            {
                looseTies.Add(row);
            }
            else
            {
                Unidentified++;
            }
        }

        /// <summary>Ties a bad row to the one episode it names whole.</summary>
        public void Taint((string Provider, string Hash, DateTime Admitted) episode) => tainted.Add(episode);

        /// <summary>True when a bad row is tied to the episode.</summary>
        public bool KeepsOut(ExtractEpisode e) =>
            tainted.Contains((e.Provider, e.NhsHash, e.Admitted))
            || looseTies.Any(t => (t.Provider ?? e.Provider) == e.Provider && (t.Hash ?? e.NhsHash) == e.NhsHash && (t.Admitted ?? e.Admitted) == e.Admitted);
    }
}
