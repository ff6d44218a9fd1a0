using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Bedflow.Core.Units;

/// <summary>
/// A financial year of the NHS and English councils: 1 April to 31 March of the next year, written <c>2016/17</c> — the
/// one text form Bedflow reads (scenario <c>prices.year</c> and budget years) and writes (results,
/// board pack, CLI). Immutable; equal, and ordered, by the year it starts in. Made by
/// <see cref="Of"/>, <see cref="Starting"/> or <see cref="Parse"/>; the default value is 0001/02.
/// </summary>
/// <remarks>
/// The published SitRep extract spells its <c>Year</c> column with a hyphen (<c>2016-17</c>); that
/// spelling belongs to the extract's layout (<c>SitRep.ExtractYear</c>) and is not read here: text
/// with a hyphen is refused with a message that gives the slash form, so that one year never has
/// two keys in a budget.
/// </remarks>
public readonly struct FinancialYear : IEquatable<FinancialYear>, IComparable<FinancialYear>, IComparable
{
    /// <summary>The earliest start year: 1 April 0001 is the first 1 April a <see cref="DateOnly"/> holds.</summary>
    public const int MinStartYear = 1;

    /// <summary>The latest start year: 9998/99 ends on 31 March 9999, the last financial year to end within the days a <see cref="DateOnly"/> holds.</summary>
    public const int MaxStartYear = 9998;

    // The start year less one, so that default(FinancialYear) is a real year (0001/02).
    private readonly int _startYearLessOne;

    private FinancialYear(int startYear) => _startYearLessOne = startYear - 1;

    /// <summary>The calendar year of its 1 April: 2016 for 2016/17.</summary>
    public int StartYear => _startYearLessOne + 1;

    /// <summary>Its first day, 1 April of <see cref="StartYear"/>.</summary>
    public DateOnly Start => new(StartYear, 4, 1);

    /// <summary>Its last day, 31 March of the next calendar year (inclusive).</summary>
    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>Its days: 366 when the next calendar year is a leap year (its 29 February falls in it), else 365.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>The financial year that contains <paramref name="date"/>: April to December fall in the year starting that calendar year, January to March in the one before.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The date is before 1 April 0001 or after 31 March 9999: its year would start or end beyond the days a <see cref="DateOnly"/> holds.
    /// </exception>
    public static FinancialYear Of(DateOnly date)
    {
        int start = date.Month >= 4 ? date.Year : date.Year - 1;
        if (start is < MinStartYear or > MaxStartYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"{nameof(date)} must be 0001-04-01 to 9999-03-31, but was {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
        }
        return new FinancialYear(start);
    }

    /// <summary>The financial year starting on 1 April of <paramref name="startYear"/>: 2016 gives 2016/17.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startYear"/> is outside <see cref="MinStartYear"/>–<see cref="MaxStartYear"/>.</exception>
    public static FinancialYear Starting(int startYear) => new(Preconditions.InRange(startYear, MinStartYear, MaxStartYear, nameof(startYear)));

    /// <summary>Reads <c>2016/17</c>: four digits of the start year, a slash, the last two digits of the next year.</summary>
    /// <exception cref="FormatException">The text is not a financial year; the message says why and how to write it.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static FinancialYear Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var year, out string? problem) ? year : throw new FormatException(problem);
    }

    /// <summary>Reads <c>2016/17</c>, or returns false (see <see cref="TryParse(string?, out FinancialYear, out string?)"/> for why).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out FinancialYear year) => TryParse(text, out year, out _);

    /// <summary>
    /// Reads <c>2016/17</c>, or returns false with <paramref name="problem"/>: a sentence that quotes
    /// the text and says how to write it — "'2016' is not a financial year: write it as 2016/17." —
    /// for the caller to place (file, line, key). Refused: anything but four digits, a slash and two
    /// digits (no spaces); the hyphen form <c>2016-17</c>; a second half that is not the next year
    /// (<c>2016/18</c>); a start year outside <see cref="MinStartYear"/>–<see cref="MaxStartYear"/>.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out FinancialYear year, [NotNullWhen(false)] out string? problem)
    {
        year = default;
        if (text is not { Length: 7 } || !Digits(text, 0, 4) || text[4] is not ('/' or '-') || !Digits(text, 5, 2))
        {
            problem = $"'{text}' is not a financial year: write it as 2016/17.";
            return false;
        }
        int start = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        int end = int.Parse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (text[4] == '-')
        {
            // The SitRep extract's spelling: say which year was meant when it is one.
            problem = end == (start + 1) % 100 && start is >= MinStartYear and <= MaxStartYear
                ? $"'{text}' is not a financial year here: write it with a slash, as {new FinancialYear(start)} (the hyphen is the SitRep extract's spelling)."
                : $"'{text}' is not a financial year: write it as 2016/17.";
            return false;
        }
        if (start is < MinStartYear or > MaxStartYear)
        {
            problem = $"'{text}' is not a financial year Bedflow can hold: the first year must be {MinStartYear:0000} to {MaxStartYear}.";
            return false;
        }
        if (end != (start + 1) % 100)
        {
            problem = $"'{text}' is not a financial year: a financial year runs from April to the next March, so {start} is followed by {(start + 1) % 100:00} ({new FinancialYear(start)}).";
            return false;
        }
        year = new FinancialYear(start);
        problem = null;
        return true;
    }

    /// <summary>Whether <paramref name="date"/> falls in this year (1 April to 31 March, both included).</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>"2016/17": the start year in four digits, a slash, the next year's last two digits.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear:0000}/{(StartYear + 1) % 100:00}");

    /// <summary>The same financial year.</summary>
    public bool Equals(FinancialYear other) => _startYearLessOne == other._startYearLessOne;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FinancialYear other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _startYearLessOne;

    /// <summary>Earlier years first.</summary>
    public int CompareTo(FinancialYear other) => _startYearLessOne.CompareTo(other._startYearLessOne);

    /// <summary>Earlier years first; any financial year follows null.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="FinancialYear"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        FinancialYear other => CompareTo(other),
        _ => throw new ArgumentException($"a FinancialYear compares only with another, not a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>The same financial year.</summary>
    public static bool operator ==(FinancialYear left, FinancialYear right) => left.Equals(right);

    /// <summary>Different financial years.</summary>
    public static bool operator !=(FinancialYear left, FinancialYear right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is the earlier year.</summary>
    public static bool operator <(FinancialYear left, FinancialYear right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is the later year.</summary>
    public static bool operator >(FinancialYear left, FinancialYear right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is the same year or earlier.</summary>
    public static bool operator <=(FinancialYear left, FinancialYear right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is the same year or later.</summary>
    public static bool operator >=(FinancialYear left, FinancialYear right) => left.CompareTo(right) >= 0;

    private static bool Digits(string text, int from, int count)
    {
        for (int i = from; i < from + count; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
