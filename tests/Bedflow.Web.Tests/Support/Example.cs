using System.Globalization;

namespace Bedflow.Web.Tests.Support;

/// <summary>
/// The example extract read directly by the test (not by the register), to know independently who is
/// delayed at a time: ready at or before it, not discharged by it; the reason in force then.
/// </summary>
public static class Example
{
    public static string Path => System.IO.Path.Combine(LayeringTests.RepoRoot(), "examples", "oxfordshire", "register-extract.csv");

    public sealed record Delayed(string Provider, string NhsNumber, DateTime Ready, string Reason, string Responsible)
    {
        public double Days(DateTime at) => (at - Ready).TotalDays;
    }

    public static IReadOnlyList<Delayed> DelayedAt(DateTime at)
    {
        static DateTime? T(string s) => s.Length == 0 ? null : DateTime.ParseExact(s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var rows = File.ReadAllLines(Path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        return [.. rows.GroupBy(r => (r[0], r[1], r[2]))
            .Select(g => (First: g.First(), Reasons: g.Where(r => r[8].Length > 0 && T(r[10]) <= at).OrderBy(r => r[10], StringComparer.Ordinal).ToList()))
            .Where(e => T(e.First[3]) is { } ready && ready <= at && (T(e.First[4]) is not { } gone || gone > at))
            .Select(e => new Delayed(e.First[0], e.First[1], T(e.First[3])!.Value, e.Reasons.Count > 0 ? e.Reasons[^1][8] : "O", e.Reasons.Count > 0 ? e.Reasons[^1][9] : "NHS"))];
    }

    public static IReadOnlyList<string> AllNhsNumbers() => [.. File.ReadAllLines(Path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[1]).Distinct()];
}
