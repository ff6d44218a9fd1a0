using Bedflow.Core.Delays;
using CsCheck;

namespace Bedflow.Core.Tests.Delays;

/// <summary>Totals agree on any records: by reason = by organisation = by bed type = total, in every month.</summary>
public class DelayTotalsPropertyTests
{
    private static readonly DateTime Origin = new(2015, 12, 1);

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
            Reasons = [.. changes.Select(c => new ReasonChange(Origin.AddHours(readyHours + c.Item1), c.Item2, c.Item3)).OrderBy(c => c.From)],
        };

    [Fact]
    public void By_reason_by_organisation_and_by_bed_type_sum_to_the_total_in_every_month()
    {
        Records.Array[0, 40].Sample(records =>
        {
            var counter = new DelayCounter(new(2016, 1, 15), new(2017, 2, 10));
            counter.AddRange(records);
            var f = counter.Figures(adults: 100_000);
            long monthSum = 0;
            foreach (var m in f.Months)
            {
                long total = m.DelayedDays();
                Assert.Equal(total, SitRep.Reasons.Sum(r => m.DelayedDays(reason: r)));
                Assert.Equal(total, SitRep.Responsibilities.Sum(o => m.DelayedDays(responsible: o)));
                Assert.Equal(total, m.DelayedDays(SitRepBeds.Acute) + m.DelayedDays(SitRepBeds.NonAcute));
                Assert.Equal(total, Enumerable.Range(0, m.DaysCovered).Sum(d => f.DelayedOn(m.First.AddDays(d))));
                if (m.SnapshotDate is { } thursday)
                {
                    Assert.Equal(f.DelayedOn(thursday), m.SnapshotPatients());
                    Assert.Equal(m.SnapshotPatients(), SitRep.Reasons.Sum(r => m.SnapshotPatients(reason: r)));
                }
                monthSum += total;
            }
            Assert.Equal(f.TotalDays, monthSum);
            Assert.Equal(f.TotalDays, SitRep.Reasons.Sum(f.Days));
            // Each closed record inside the period contributes its whole date difference.
            Assert.Equal(f.Discharges, Enum.GetValues<DelayBand>().Sum(f.DischargesIn));
        }, iter: 200);
    }

    [Fact]
    public void A_record_wholly_inside_the_period_has_as_many_delayed_days_as_calendar_days_from_ready_date_to_exit_date()
    {
        Records.Where(r => r.Exit is not null).Sample(r =>
        {
            var counter = new DelayCounter(new(2015, 1, 1), new(2018, 12, 31));
            counter.Add(r);
            var f = counter.Figures();
            Assert.Equal(r.Exit!.Value.Date.Subtract(r.Ready!.Value.Date).Days, f.TotalDays);
        }, iter: 300);
    }
}
