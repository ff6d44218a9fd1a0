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
    public static void FillKeptOut(TextReader reader, Dictionary<int, string[]> bad, int localColumn)
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
                bad[line] = Masked(csv, localColumn);
            }
        }
    }

    /// <summary>
    /// The row's fields with anything that could be an NHS number masked, wherever it sits (a
    /// malformed row may have shifted it): rejects files never hold NHS numbers. The local hospital
    /// number (column <paramref name="localColumn"/>, −1 when there is none) is masked whole.
    /// </summary>
    private static string[] Masked(CsvReader csv, int localColumn)
    {
        var fields = new string[csv.Parser.Count];
        for (int i = 0; i < fields.Length; i++)
        {
            string f = csv.Parser[i] ?? "";
            if (i == localColumn)
            {
                fields[i] = f.Trim().Length == 0 ? "" : "***";
                continue;
            }
            // A cell that is an NHS number with odd spacing (or nine digits typed short) is masked whole too.
            string digits = new([.. f.Where(char.IsAsciiDigit)]);
            bool numberLike = digits.Length >= 9 && f.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-');
            fields[i] = numberLike || NhsNumber.IsValid(f) ? NhsNumber.Mask(digits) : NhsNumber.Redact(f);
        }
        return fields;
    }
}
