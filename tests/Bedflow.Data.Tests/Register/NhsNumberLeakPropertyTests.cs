using System.Globalization;
using System.Text;
using Bedflow.Data.Register;
using CsCheck;

namespace Bedflow.Data.Tests.Register;

/// <summary>
/// Whatever cell or position an NHS number is typed into, and however the row is broken around it,
/// the number never reaches a problem message, the rejects file or anything the register shows.
/// </summary>
public class NhsNumberLeakPropertyTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("test-key-0123456789abcdef0123456789");

    /// <summary>A valid NHS number (modulus 11), computed here digit by digit.</summary>
    private static readonly Gen<string> ValidNumber = Gen.Int[0, 999_999_999].Select(n => CheckDigit(n.ToString("D9", CultureInfo.InvariantCulture))).Where(n => n is not null).Select(n => n!);

    /// <summary>The nine digits with their check digit (weights 10 down to 2), or null when the check would be 10.</summary>
    private static string? CheckDigit(string nine)
    {
        int sum = 0;
        for (int i = 0; i < 9; i++)
        {
            sum += (nine[i] - '0') * (10 - i);
        }
        int check = (11 - (sum % 11)) % 11;
        return check == 10 ? null : nine + check.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>How the number is typed: the ways people and spreadsheets write one.</summary>
    private static string Typed(string digits, int style) => style switch
    {
        0 => digits,
        1 => $"{digits[..3]} {digits[3..6]} {digits[6..]}",
        2 => $"{digits[..3]}-{digits[3..6]}-{digits[6..]}",
        3 => $"{digits[..3]}.{digits[3..6]}.{digits[6..]}",
        4 => $"{digits[..3]}\t{digits[3..6]}\t{digits[6..]}",
        5 => $"{digits[..3]}\u00a0{digits[3..6]}\u00a0{digits[6..]}",                 // non-breaking spaces
        6 => $"{digits[..3]} \u2013 {digits[3..6]} \u2013 {digits[6..]}",             // spaced en dashes
        7 => $"({digits[..3]}) {digits[3..6]} {digits[6..]}",
        8 => $"{digits[..4]} {digits[4..7]} {digits[7..]}",
        9 => $"{digits[..2]} {digits[2..4]} {digits[4..6]} {digits[6..8]} {digits[8..]}",
        10 => new string([.. digits.Select(c => (char)('\uff10' + (c - '0')))]),      // full-width digits
        11 => $"{digits[0]}.{digits[1..]}E+09",                                        // Excel's scientific form
        12 => $"'{digits}",                                                            // Excel's text marker
        _ => $"{digits[..3]}/{digits[3..6]}/{digits[6..]}",
    };

    private const int Styles = 14;

    private sealed record Plant(string Number, int Style, int Row, int Cell, int Mode, bool SkipInvalid);

    private static readonly Gen<Plant> Plants =
        from number in ValidNumber
        from style in Gen.Int[0, Styles - 1]
        from row in Gen.Int[0, 3]
        from cell in Gen.Int[0, 11]
        from mode in Gen.Int[0, 5]
        from skip in Gen.Bool
        select new Plant(number, style, row, cell, mode, skip);

    private static string Build(Plant p)
    {
        string typed = Typed(p.Number, p.Style);
        var lines = RegisterTests<SqliteEngine>.Extract.TrimEnd('\n').Split('\n');
        var cells = lines[p.Row + 1].Split(',').ToList();
        switch (p.Mode)
        {
            case 0: cells[p.Cell] = typed; break;                            // replaces the cell
            case 1: cells[p.Cell] = typed + cells[p.Cell]; break;            // before the value
            case 2: cells[p.Cell] += " " + typed; break;                     // after it
            case 3: cells.Insert(p.Cell, typed); break;                      // a shifted row
            case 4: cells.Add(typed); break;                                 // an extra cell
            default: cells[p.Cell] = $"\"{cells[p.Cell]}\n{typed}\""; break; // in a quoted cell that spans lines
        }
        lines[p.Row + 1] = string.Join(',', cells);
        return string.Join('\n', lines) + "\n";
    }

    [Fact]
    public void A_planted_nhs_number_never_appears_in_any_output()
    {
        Plants.Sample(p =>
        {
            string path = Path.Combine(Path.GetTempPath(), $"leak-{Guid.NewGuid():N}.csv");
            File.WriteAllText(path, Build(p));
            string db = Path.Combine(Path.GetTempPath(), $"leak-{Guid.NewGuid():N}.db");
            var register = new DelayRegister(RegisterDatabase.OpenAsync(RegisterLocation.Sqlite(db)).GetAwaiter().GetResult());
            var report = register.ImportAsync(path, Key, "t", p.SkipInvalid).GetAwaiter().GetResult();
            var output = new StringBuilder();
            output.AppendJoin('\n', report.Problems).Append('\n').Append(report.Failure);
            if (report.RejectsFile is { } rejects)
            {
                output.Append(File.ReadAllText(rejects));
                File.Delete(rejects);
            }
            foreach (var s in register.ServicesAsync().GetAwaiter().GetResult())
            {
                output.Append(s.Provider).Append(s.Service);
            }
            foreach (var a in register.AuditAsync().GetAwaiter().GetResult())
            {
                output.Append(a.Detail);
            }
            foreach (var d in register.CurrentDelaysAsync(new DateTime(2016, 5, 2)).GetAwaiter().GetResult())
            {
                output.Append(d.Provider).Append(d.Service);
            }
            string text = output.ToString();
            foreach (string form in new[] { p.Number, Typed(p.Number, p.Style), p.Number[..7] })
            {
                Assert.DoesNotContain(form, text, StringComparison.Ordinal);
            }
            Assert.DoesNotContain(p.Number, Digits(text), StringComparison.Ordinal); // nor its digits with other characters between them
            File.Delete(path);
            File.Delete(db);
        }, iter: 150, threads: 1);
    }

    /// <summary>The text's digits only, in order, with everything else dropped.</summary>
    private static string Digits(string text) => new([.. text.Where(char.IsDigit).Select(c => (char)('0' + (int)char.GetNumericValue(c)))]);

    [Theory]
    [InlineData("943.476.5919", "*******919")]
    [InlineData("943\t476\t5919", "*******919")]
    [InlineData("943\u00a0476\u00a05919", "*******919")]
    [InlineData("943 \u2013 476 \u2013 5919", "*******919")]
    [InlineData("(943) 476 5919", "(*******919")]
    [InlineData("9.434765919E+09", "*******909")] // the exponent runs into the number: masked with it
    [InlineData("\uff19\uff14\uff13\uff14\uff17\uff16\uff15\uff19\uff11\uff19", "*******919")]
    [InlineData("\"943476\n5919\"", "\"*******919\"")]
    [InlineData("ready 2016-04-20 10:00, 2016-04-21 10:00:00", "ready 2016-04-20 10:00, 2016-04-21 10:00:00")]
    [InlineData("2016-04-20 9434765919", "2016-04-20 *******919")]
    [InlineData("9434765919-04-20", "*******420")] // a date run into a number is part of the number
    [InlineData("9434765919", "*******919")]
    [InlineData("943 476 5919", "*******919")]
    [InlineData("943-476-5919", "*******919")]
    [InlineData("ward 9434765919 east", "ward *******919 east")]
    [InlineData("12943 476 59198", "*******198")]        // a longer run is masked whole
    [InlineData("2016-04-20 10:00", "2016-04-20 10:00")] // dates are not numbers
    [InlineData("943 476 591", "943 476 591")]           // nine digits are not ten
    public void Redaction_masks_anything_shaped_like_an_nhs_number(string text, string expected) =>
        Assert.Equal(expected, NhsNumber.Redact(text));
}
