using System.Globalization;
using Bedflow.Data.Register;

namespace Bedflow.Web.Tests.Support;

/// <summary>The published sample files (examples/published), imported into a register, and read directly by the tests to know the figures independently.</summary>
public static class Published
{
    public static string ByReason => Path.Combine(LayeringTests.RepoRoot(), "examples", "published", "dtoc-la-days-by-reason-sample.csv");

    public static string ByOrganisation => Path.Combine(LayeringTests.RepoRoot(), "examples", "published", "dtoc-la-days-by-organisation-sample.csv");

    public static async Task ImportAsync(RegisterDatabase db)
    {
        Assert.True((await PublishedData.ImportAsync(db, ByReason)).Imported);
        Assert.True((await PublishedData.ImportAsync(db, ByOrganisation)).Imported);
    }

    /// <summary>A council's (by name) delayed days by reason column (A … O, in the file's order) in a month ("April 2019"); null where not published.</summary>
    public static IReadOnlyList<long?> Reasons(string name, string period)
    {
        foreach (string line in File.ReadLines(ByReason).Skip(1))
        {
            var f = line.Split("\",\"").Select(x => x.Trim('"')).ToArray();
            if (f[1] == name && f[^1] == period)
            {
                return [.. f[2..13].Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : (long?)null)];
            }
        }
        throw new InvalidOperationException($"no row for {name} in {period}");
    }

    /// <summary>The months ("April 2019") a council has rows for, in the file's order.</summary>
    public static IReadOnlyList<string> Periods(string name) =>
        [.. File.ReadLines(ByReason).Skip(1).Select(l => l.Split("\",\"").Select(x => x.Trim('"')).ToArray()).Where(f => f[1] == name).Select(f => f[^1])];
}
