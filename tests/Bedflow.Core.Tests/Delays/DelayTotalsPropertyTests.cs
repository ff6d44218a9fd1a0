using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using CsCheck;

namespace Bedflow.Core.Tests.Delays;

/// <summary>
/// The counter against a brute-force count on any records: every midnight of the period is
/// checked against every record straight from the definition (delayed at D 24:00 when
/// ready &lt; D 24:00 ≤ exit, with the last reason given before that midnight).
/// </summary>
public class DelayTotalsPropertyTests
{
    private static readonly DateTime Origin = new(2015, 12, 1);

    // Whole hours, so that readiness, exits and reason changes often fall exactly on midnight.
    private static readonly Gen<DelayRecord> Records =
        from readyHours in Gen.Int[0, 24 * 500]
        from stayHours in Gen.Int[0, 24 * 60]
        from open in Gen.Int[0, 9]
        from acute in Gen.Bool
        from changes in Gen.Select(Gen.Int[0, 24 * 60], Gen.Enum<DelayReason>(), Gen.Enum<Responsibility>()).Array[1, 4]
        select new DelayRecord
        {
            Service = acute ? "acute" : "community",
            Beds = acute ? SitRepBeds.Acute : SitRepBeds.NonAcute,
            Admitted = Origin.AddHours(readyHours - 48),
            Ready = Origin.AddHours(readyHours),
            Exit = open == 0 ? null : Origin.AddHours(readyHours + stayHours),
            Pathway = open == 0 ? null : DischargePathway.P1,
            // The first reason is given when the patient becomes ready, as in the register.
            Reasons = [.. changes.Select((c, i) => new ReasonChange(Origin.AddHours(readyHours + (i == 0 ? 0 : c.Item1)), c.Item2, c.Item3)).OrderBy(c => c.From)],
        };

    /// <summary>The reason in force at a midnight the record was delayed, or null if it was not delayed then.</summary>
    private static ReasonChange? DelayedAt(DelayRecord r, DateTime midnight) =>
        r.Ready < midnight && (r.Exit is null || midnight <= r.Exit) ? r.Reasons.Last(c => c.From < midnight) : null;

    private static DateTime MidnightEnding(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).AddDays(1);

    /// <summary>Midnights passed while ready, counted one at a time from the ready time.</summary>
    private static int MidnightsWhileReady(DelayRecord r)
    {
        int n = 0;
        for (var m = r.Ready!.Value.Date.AddDays(1); m <= r.Exit!.Value; m = m.AddDays(1))
        {
            n++;
        }
        return n;
    }

    private static DateOnly LastThursdayByScan(int year, int month)
    {
        var day = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        while (day.DayOfWeek != DayOfWeek.Thursday)
        {
            day = day.AddDays(-1);
        }
        return day;
    }

    [Fact]
    public void Every_day_month_reason_organisation_bed_type_and_snapshot_matches_a_midnight_by_midnight_count()
    {
        var first = new DateOnly(2016, 1, 15);
        var last = new DateOnly(2017, 2, 10);
        Records.Array[0, 40].Sample(records =>
        {
            var counter = new DelayCounter(first, last);
            counter.AddRange(records);
            var f = counter.Figures(adults: 100_000);

            var delayed = new List<(DateOnly Day, SitRepBeds Beds, ReasonChange Reason)>();
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                foreach (var r in records)
                {
                    if (DelayedAt(r, MidnightEnding(day)) is { } reason)
                    {
                        delayed.Add((day, r.Beds, reason));
                    }
                }
            }

            Assert.Equal(delayed.Count, f.TotalDays);
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                Assert.Equal(delayed.Count(d => d.Day == day), f.DelayedOn(day));
            }
            foreach (var m in f.Months)
            {
                var inMonth = delayed.Where(d => d.Day >= m.First && d.Day <= m.Last).ToList();
                Assert.Equal(inMonth.Count, m.DelayedDays());
                foreach (var reason in Enum.GetValues<DelayReason>())
                {
                    Assert.Equal(inMonth.Count(d => d.Reason.Reason == reason), m.DelayedDays(reason: reason));
                }
                foreach (var who in Enum.GetValues<Responsibility>())
                {
                    Assert.Equal(inMonth.Count(d => d.Reason.Responsible == who), m.DelayedDays(responsible: who));
                }
                Assert.Equal(inMonth.Count(d => d.Beds == SitRepBeds.Acute), m.DelayedDays(SitRepBeds.Acute));
                // The period ends on 10 February 2017, before that month's last Thursday: both cases occur.
                var thursday = LastThursdayByScan(m.Year, m.Month);
                bool inside = thursday >= first && thursday <= last;
                Assert.Equal(inside ? thursday : null, m.SnapshotDate);
                Assert.Equal(inside ? records.Count(r => DelayedAt(r, MidnightEnding(thursday)) is not null) : 0, m.SnapshotPatients());
            }

            // Discharges: closed records whose exit date is inside the period, by midnights while ready.
            var discharged = records.Where(r => r.Exit is { } x && DateOnly.FromDateTime(x) >= first && DateOnly.FromDateTime(x) <= last).ToList();
            Assert.Equal(discharged.Count, f.Discharges);
            foreach (var band in Enum.GetValues<DelayBand>())
            {
                Assert.Equal(discharged.Count(r => SitRep.Band(MidnightsWhileReady(r)) == band), f.DischargesIn(band));
            }
        }, iter: 100);
    }

    [Fact]
    public void A_record_wholly_inside_the_period_has_one_delayed_day_for_each_midnight_it_waits()
    {
        Records.Where(r => r.Exit is not null).Sample(r =>
        {
            var counter = new DelayCounter(new(2015, 1, 1), new(2018, 12, 31));
            counter.Add(r);
            var f = counter.Figures();
            int midnights = MidnightsWhileReady(r);
            Assert.Equal(midnights, f.TotalDays);
            Assert.Equal(midnights, f.MeanDelayPerDischarge);
        }, iter: 300);
    }
}
