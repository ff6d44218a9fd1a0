namespace Bedflow.Core.Vocabulary;

/// <summary>
/// One enum's words: a row per member with every text form the member has (its stable code, and
/// columns such as the published extract's spelling or a display name, which the row type
/// declares). Each enum has exactly one table, and every place that writes a member as text, or
/// reads text as a member, goes through it. The constructor refuses a table that has fallen behind
/// its enum — a member without a row or with two, a row for a value the enum does not define, an
/// empty code or two codes that differ only in case — so a table kept in a static field fails at
/// type initialisation, in every test that touches it. Immutable and thread-safe.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
/// <typeparam name="TRow">The row type, with a column per text form.</typeparam>
public sealed class VocabularyTable<TEnum, TRow> where TEnum : struct, Enum where TRow : IVocabularyRow<TEnum>
{
    private readonly Dictionary<TEnum, TRow> _byValue = [];

    /// <summary>Builds the table from its rows, in the order they are listed wherever the codes are listed (messages, documentation).</summary>
    /// <exception cref="ArgumentException">The rows do not cover every member exactly once, or two codes clash.</exception>
    public VocabularyTable(params IReadOnlyList<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (!Enum.IsDefined(row.Value))
            {
                throw new ArgumentException($"{typeof(TEnum).Name} has no member {row.Value}, yet the table has a row for it.", nameof(rows));
            }
            if (!_byValue.TryAdd(row.Value, row))
            {
                throw new ArgumentException($"{typeof(TEnum).Name}.{row.Value} has two rows: one member, one row.", nameof(rows));
            }
            if (string.IsNullOrWhiteSpace(row.Code) || !codes.Add(row.Code))
            {
                throw new ArgumentException($"{typeof(TEnum).Name}.{row.Value}'s code '{row.Code}' is empty or another member's (codes differ in more than case).", nameof(rows));
            }
        }
        var missing = Enum.GetValues<TEnum>().Where(v => !_byValue.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{typeof(TEnum).Name}.{string.Join(", ", missing)} {(missing.Count == 1 ? "has" : "have")} no row: every member needs its words.", nameof(rows));
        }
        Rows = [.. rows];
        Codes = [.. rows.Select(r => r.Code)];
    }

    /// <summary>The rows in the table's order.</summary>
    public IReadOnlyList<TRow> Rows { get; }

    /// <summary>The codes in the table's order (for "one of: …" messages).</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The row of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of the enum (a cast from a bad number).</exception>
    public TRow this[TEnum value] => _byValue.TryGetValue(value, out var row)
        ? row
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a member of {typeof(TEnum).Name}.");

    /// <summary>The stable code of <paramref name="value"/>.</summary>
    public string Code(TEnum value) => this[value].Code;

    /// <summary>The member whose code is exactly <paramref name="code"/> (case matters, as in scenario files).</summary>
    public bool TryParse(string? code, out TEnum value) => TryParse(code, StringComparison.Ordinal, out value);

    /// <summary>The member whose code equals <paramref name="code"/> under <paramref name="comparison"/>.</summary>
    public bool TryParse(string? code, StringComparison comparison, out TEnum value)
    {
        foreach (var row in Rows)
        {
            if (string.Equals(row.Code, code, comparison))
            {
                value = row.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The member whose code equals <paramref name="code"/> under <paramref name="comparison"/>, or null.</summary>
    public TEnum? Find(string? code, StringComparison comparison = StringComparison.Ordinal) =>
        TryParse(code, comparison, out var value) ? value : null;
}
