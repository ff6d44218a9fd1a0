using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Vocabulary;
using CsvHelper;

namespace Bedflow.Data.Register;

/// <summary>
/// A register extract (docs/register.md) of one simulated replication: every stay in a bed the
/// SitRep counts that is in a bed during the reported period, one row per reason period, in the
/// columns <c>bedflow register import</c> reads. Each simulated patient has one synthetic NHS
/// number from the 999 test range with a valid check digit, the same on every stay, so that the
/// extract can be imported, calibrated from and compared with the run without any real patient's
/// number. Times are to the minute (rounded down, which keeps every order and every midnight
/// passed). Thread-safe.
/// </summary>
public static class SimulatedExtract
{
    /// <summary>The provider code of every row: not an ODS code, so a simulated extract is never taken for a trust's.</summary>
    public const string Provider = "SIM";

    /// <summary>How many patients the 999 test range can number (its valid ten-digit numbers).</summary>
    public static int MaxPatients { get; } = CountValid();

    private const long RangeStart = 999_000_000; // the first nine digits; the tenth is the check digit

    /// <summary>
    /// Writes the extract of <paramref name="replication"/> (run with
    /// <see cref="RunOptions.RecordEpisodes"/>) of <paramref name="network"/> under
    /// <paramref name="options"/>, in admission order.
    /// </summary>
    /// <returns>What was written: patients, stays, rows, and stays left out.</returns>
    /// <exception cref="InvalidOperationException">The replication has no episode log, or more patients than the test range can number.</exception>
    public static SimulatedExtractSummary Write(TextWriter writer, Network network, ReplicationResult replication, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(network);
        var day0 = network.StartDate.ToDateTime(TimeOnly.MinValue);
        var stays = SimulatedDelays.Stays(network, replication, options)
            .Where(s => s.Record.Exit is not { } exit || exit >= day0) // in a bed at some time in the period
            .Select(s => (s.Episode.Stream, s.Episode.Patient, Record: Minutes(s.Record)))
            .OrderBy(s => s.Record.Admitted).ThenBy(s => s.Stream).ThenBy(s => s.Patient)
            .ToList();
        var numbers = new Dictionary<(int, long), string>();
        var admissions = new HashSet<(string, DateTime)>();
        long next = RangeStart;
        int rows = 0, written = 0, sameMinute = 0;
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (string column in RegisterExtract.Columns.Where(c => c != RegisterExtract.LocalNumberColumn)) // a simulated patient has no hospital number
        {
            csv.WriteField(column);
        }
        csv.NextRecord();
        foreach (var (stream, patient, r) in stays)
        {
            if (!numbers.TryGetValue((stream, patient), out string? nhs))
            {
                numbers[(stream, patient)] = nhs = NextNumber(ref next);
            }
            // The register knows an episode by patient and admission: a second stay of the same
            // patient admitted in the same minute (a stay shorter than a minute) cannot be told apart.
            if (!admissions.Add((nhs, r.Admitted)))
            {
                sameMinute++;
                continue;
            }
            written++;
            var reasons = r.Ready is null ? [] : Periods(r.Reasons);
            IEnumerable<ReasonChange?> periods = reasons.Count == 0 ? [null] : reasons.Select(c => (ReasonChange?)c);
            foreach (var reason in periods)
            {
                csv.WriteField(Provider);
                csv.WriteField(nhs);
                csv.WriteField(Text(r.Admitted));
                csv.WriteField(Text(r.Ready));
                csv.WriteField(Text(r.Exit));
                csv.WriteField(r.Service);
                csv.WriteField(SitRepBedsWords.Code(r.Beds));
                csv.WriteField(r.Exit is null ? "" : r.Pathway is { } p ? DischargePathwayWords.Table[p].Code : DischargePathwayWords.None);
                csv.WriteField(reason is { } c ? DelayReasonWords.Code(c.Reason) : "");
                csv.WriteField(reason is { } c2 ? ResponsibilityWords.ExtractColumn(c2.Responsible) : "");
                csv.WriteField(reason is { } c3 ? Text(c3.From) : "");
                csv.WriteField(r.Adult ? "yes" : "no");
                csv.NextRecord();
                rows++;
            }
        }
        csv.Flush();
        return new SimulatedExtractSummary(numbers.Count, written, rows, sameMinute);
    }

    // One period per minute (the last in force), and a period only where the reason or organisation changes.
    private static List<ReasonChange> Periods(IReadOnlyList<ReasonChange> changes)
    {
        var periods = new List<ReasonChange>();
        foreach (var c in changes)
        {
            if (periods.Count > 0 && periods[^1].From == c.From)
            {
                periods[^1] = c;
            }
            else
            {
                periods.Add(c);
            }
            if (periods.Count > 1 && (periods[^2].Reason, periods[^2].Responsible) == (periods[^1].Reason, periods[^1].Responsible))
            {
                periods.RemoveAt(periods.Count - 1);
            }
        }
        return periods;
    }

    private static DelayRecord Minutes(DelayRecord r) => r with
    {
        Admitted = Floor(r.Admitted),
        Ready = r.Ready is { } ready ? Floor(ready) : null,
        Exit = r.Exit is { } exit ? Floor(exit) : null,
        Reasons = [.. r.Reasons.Select(c => c with { From = Floor(c.From) })],
    };

    private static DateTime Floor(DateTime t) => new(t.Ticks - (((t.Ticks % TimeSpan.TicksPerMinute) + TimeSpan.TicksPerMinute) % TimeSpan.TicksPerMinute), t.Kind);

    private static string Text(DateTime? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    private static string NextNumber(ref long next)
    {
        while (next < RangeStart + 1_000_000)
        {
            long body = next++;
            if (CheckDigit(body) is { } check)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{body}{check}");
            }
        }
        throw new InvalidOperationException($"the run has more patients than the NHS number test range can number ({MaxPatients:N0}): use a shorter horizon or a smaller scenario for the extract.");
    }

    // Modulus 11: weights 10 down to 2 on the nine digits; 11 → 0; 10 → no valid number.
    private static int? CheckDigit(long body)
    {
        int sum = 0;
        for (int weight = 2; weight <= 10; weight++, body /= 10)
        {
            sum += (int)(body % 10) * weight;
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check == 10 ? null : check;
    }

    private static int CountValid()
    {
        int n = 0;
        for (long body = RangeStart; body < RangeStart + 1_000_000; body++)
        {
            n += CheckDigit(body) is null ? 0 : 1;
        }
        return n;
    }
}

/// <summary>What <see cref="SimulatedExtract.Write"/> wrote.</summary>
/// <param name="Patients">Distinct patients (synthetic NHS numbers).</param>
/// <param name="Stays">Stays (episodes) written.</param>
/// <param name="Rows">Rows written (one per reason period; one for a stay without a reason).</param>
/// <param name="SameMinuteStays">Stays left out: a second stay of a patient admitted in the same minute as another, which the register could not tell apart.</param>
public sealed record SimulatedExtractSummary(int Patients, int Stays, int Rows, int SameMinuteStays);
