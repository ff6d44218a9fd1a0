using CsvHelper;

namespace Bedflow.Data.Register;

internal static partial class RegisterExtract
{
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
        using var csv = new CsvReader(reader, Configuration());
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
}
