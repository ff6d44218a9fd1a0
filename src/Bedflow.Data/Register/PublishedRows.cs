using System.Globalization;

namespace Bedflow.Data.Register;

/// <summary>
/// The rows of a published file seen so far, one per council and month. A later row with the
/// same values is a harmless repeat (counted, imported once); one that disagrees is a problem,
/// since which of the two is right cannot be told.
/// </summary>
internal sealed class PublishedRows(string file, List<ImportProblem> problems)
{
    private readonly Dictionary<(string Council, string Month), (int Line, long?[] Days)> first = [];

    /// <summary>Rows that repeated an earlier row exactly.</summary>
    public int Repeated { get; private set; }

    /// <summary>True for the first row of the council and month; false (with a problem if the values differ) for any later one.</summary>
    public bool IsFirst(PublishedRow row, (string Council, string Month) key, long?[] days, string[] columns, string what)
    {
        if (!first.TryGetValue(key, out var earlier))
        {
            first[key] = (row.Line, days);
            return true;
        }
        int k = 0;
        while (k < days.Length && days[k] == earlier.Days[k])
        {
            k++;
        }
        if (k == days.Length)
        {
            Repeated++;
        }
        else
        {
            problems.Add(new ImportProblem(file, row.Line, columns[k],
                $"{what} is also on line {earlier.Line}, with {Show(earlier.Days[k])} there and {Show(days[k])} here: which is right cannot be told; correct or remove one of the two rows."));
        }
        return false;
    }

    private static string Show(long? days) => days is { } d ? d.ToString(CultureInfo.InvariantCulture) : "missing";
}
