using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Delays;

/// <summary>Hand-built records with hand-counted answers (definitions in DelayCounter's remarks).</summary>
public class DelayCounterTests
{
    private static DateTime At(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0);

    private static DelayRecord Acute(DateTime ready, DateTime? exit, DelayReason reason = DelayReason.Di,
        Responsibility who = Responsibility.SocialCare, DischargePathway? pathway = DischargePathway.P3) => new()
    {
        Service = "acute",
        Beds = SitRepBeds.Acute,
        Admitted = ready.AddDays(-5),
        Ready = ready,
        Exit = exit,
        Pathway = exit is null ? null : pathway,
        Reasons = [new ReasonChange(ready, reason, who)],
    };

    private static DelayFigures Count(DateOnly first, DateOnly last, params DelayRecord[] records)
    {
        var counter = new DelayCounter(first, last);
        counter.AddRange(records);
        return counter.Figures(adults: 1000);
    }

    [Fact]
    public void A_delay_across_a_year_end_counts_each_midnight_in_the_month_of_the_day_it_ends()
    {
        // Ready Fri 30 Dec 2016 14:00, left Mon 2 Jan 2017 10:00: the midnights ending 30 Dec, 31 Dec and 1 Jan.
        var f = Count(new(2016, 12, 1), new(2017, 1, 31), Acute(At(2016, 12, 30, 14), At(2017, 1, 2, 10)));
        Assert.Equal(3, f.TotalDays);
        Assert.Equal(2, f.Months[0].DelayedDays());
        Assert.Equal(1, f.Months[1].DelayedDays());
        Assert.Equal((2016, 12), (f.Months[0].Year, f.Months[0].Month));
        Assert.Equal(1, f.Discharges);
        Assert.Equal(1, f.DischargesIn(DelayBand.TwoToThree)); // the same three midnights
        Assert.Equal(3.0, f.MeanDelayPerDischarge);
    }

    [Fact]
    public void A_leap_day_is_a_delayed_day_and_february_2016_has_29_days()
    {
        var f = Count(new(2016, 2, 1), new(2016, 3, 31), Acute(At(2016, 2, 28, 8), At(2016, 3, 1, 12)));
        Assert.Equal(2, f.Months[0].DelayedDays()); // 28 and 29 February
        Assert.Equal(0, f.Months[1].DelayedDays());
        Assert.Equal(29, f.Months[0].DaysCovered);
        Assert.Equal(2.0 / 29, f.Months[0].DtocBeds(), 12);
    }

    [Theory]
    [InlineData(2016, 3, 31)] // the last Thursday is the last day of the month
    [InlineData(2016, 4, 28)]
    [InlineData(2016, 2, 25)]
    [InlineData(2017, 8, 31)]
    [InlineData(2019, 12, 26)]
    public void The_snapshot_day_is_the_last_thursday_of_the_month(int year, int month, int day)
    {
        var thursday = SitRep.LastThursday(year, month);
        Assert.Equal(new DateOnly(year, month, day), thursday);
        Assert.Equal(DayOfWeek.Thursday, thursday.DayOfWeek);
        Assert.True(thursday.AddDays(7).Month != month);
    }

    [Fact]
    public void The_snapshot_counts_patients_delayed_at_thursday_24_00_and_belongs_to_that_month()
    {
        // March 2016's last Thursday is the 31st, its last day.
        var f = Count(new(2016, 3, 1), new(2016, 4, 30),
            Acute(At(2016, 3, 31, 20), At(2016, 4, 1, 9)),                           // delayed at Thu 24:00
            Acute(At(2016, 3, 31, 8), At(2016, 4, 1)),                                // leaves at exactly 24:00: still counted
            Acute(At(2016, 4, 1), At(2016, 4, 3), DelayReason.E),                     // ready at exactly 24:00: not that night
            Acute(At(2016, 3, 31, 9), At(2016, 3, 31, 23, 59), DelayReason.C, Responsibility.Nhs)); // left before midnight
        Assert.Equal(new DateOnly(2016, 3, 31), f.Months[0].SnapshotDate);
        Assert.Equal(2, f.Months[0].SnapshotPatients());
        Assert.Equal(2, f.Months[0].SnapshotPatients(reason: DelayReason.Di));
        Assert.Equal(0, f.Months[0].SnapshotPatients(reason: DelayReason.E));
        Assert.Equal(2, f.Months[0].DelayedDays());
        Assert.Equal(2, f.Months[1].DelayedDays()); // 1 and 2 April for the E patient
        Assert.Equal(0, f.Months[1].SnapshotPatients()); // nobody at 24:00 on Thursday 28 April
    }

    [Fact]
    public void A_delay_split_across_two_reasons_counts_each_midnight_for_the_reason_in_force_before_it()
    {
        var record = new DelayRecord
        {
            Service = "acute",
            Beds = SitRepBeds.Acute,
            Admitted = At(2016, 4, 25),
            Ready = At(2016, 5, 2, 10),
            Exit = At(2016, 5, 9, 11),
            Pathway = DischargePathway.P3,
            Reasons =
            [
                new(At(2016, 5, 2, 10), DelayReason.A, Responsibility.SocialCare),
                new(At(2016, 5, 5, 15), DelayReason.Di, Responsibility.SocialCare),
            ],
        };
        var f = Count(new(2016, 5, 1), new(2016, 5, 31), record);
        Assert.Equal(3, f.Days(DelayReason.A));  // midnights ending 2, 3 and 4 May
        Assert.Equal(4, f.Days(DelayReason.Di)); // 5, 6, 7 and 8 May
        Assert.Equal(7, f.TotalDays);
        Assert.Equal(7, f.Days(Responsibility.SocialCare));
    }

    [Fact]
    public void A_reason_change_at_exactly_midnight_applies_from_the_next_midnight()
    {
        var record = Acute(At(2016, 5, 2, 10), At(2016, 5, 4, 10)) with
        {
            Reasons = [new(At(2016, 5, 2, 10), DelayReason.A, Responsibility.Nhs), new(At(2016, 5, 3), DelayReason.C, Responsibility.Nhs)],
        };
        var f = Count(new(2016, 5, 1), new(2016, 5, 31), record);
        Assert.Equal(1, f.Days(DelayReason.A)); // the midnight at 3 May 00:00 is still A's
        Assert.Equal(1, f.Days(DelayReason.C));
    }

    [Fact]
    public void Zero_length_and_same_day_delays_count_no_delayed_day_but_are_discharges_on_the_ready_date()
    {
        var f = Count(new(2016, 5, 1), new(2016, 5, 31),
            Acute(At(2016, 5, 10, 9), At(2016, 5, 10, 9), pathway: DischargePathway.P0),
            Acute(At(2016, 5, 10, 9), At(2016, 5, 10, 23, 59), pathway: DischargePathway.P1),
            Acute(At(2016, 5, 10, 9), At(2016, 5, 12, 9), pathway: DischargePathway.P1));
        Assert.Equal(2, f.TotalDays);
        Assert.Equal(3, f.Discharges);
        Assert.Equal(2, f.DischargesIn(DelayBand.Zero));
        Assert.Equal(1, f.DischargesIn(DelayBand.TwoToThree));
        Assert.Equal(2.0 / 3, f.ShareDischargedOnReadyDate, 12);
        Assert.Equal(2.0 / 3, f.MeanDelayPerDischarge, 12);
        Assert.Equal(1, f.DischargesOn(DischargePathway.P0));
        Assert.Equal(2, f.DischargesOn(DischargePathway.P1));
    }

    [Theory]
    [InlineData(0, DelayBand.Zero)]
    [InlineData(1, DelayBand.One)]
    [InlineData(2, DelayBand.TwoToThree)]
    [InlineData(3, DelayBand.TwoToThree)]
    [InlineData(4, DelayBand.FourToSix)]
    [InlineData(6, DelayBand.FourToSix)]
    [InlineData(7, DelayBand.SevenToThirteen)]
    [InlineData(13, DelayBand.SevenToThirteen)]
    [InlineData(14, DelayBand.FourteenToTwenty)]
    [InlineData(20, DelayBand.FourteenToTwenty)]
    [InlineData(21, DelayBand.TwentyOneAndOver)]
    [InlineData(400, DelayBand.TwentyOneAndOver)]
    public void Delays_fall_in_the_published_bands(int days, DelayBand band) => Assert.Equal(band, SitRep.Band(days));

    [Fact]
    public void Children_beds_that_do_not_count_and_patients_not_yet_ready_are_left_out()
    {
        var f = Count(new(2016, 5, 1), new(2016, 5, 31),
            Acute(At(2016, 5, 2), At(2016, 5, 9)) with { Adult = false },
            Acute(At(2016, 5, 2), At(2016, 5, 9)) with { Beds = SitRepBeds.None, Service = "care_home" },
            Acute(At(2016, 5, 2), At(2016, 5, 9)) with { Ready = null });
        Assert.Equal(0, f.TotalDays);
        Assert.Equal(0, f.Discharges);
    }

    [Fact]
    public void A_patient_still_there_at_the_end_is_delayed_every_day_to_the_end_of_the_period_and_is_not_a_discharge()
    {
        var f = Count(new(2016, 5, 1), new(2016, 5, 31), Acute(At(2016, 5, 20, 12), exit: null));
        Assert.Equal(12, f.TotalDays); // 20 … 31 May
        Assert.Equal(0, f.Discharges);
    }

    [Fact]
    public void Delays_before_the_period_are_not_counted_but_a_discharge_inside_it_is()
    {
        var f = Count(new(2016, 5, 1), new(2016, 5, 31), Acute(At(2016, 4, 20, 12), At(2016, 5, 3, 12)));
        Assert.Equal(2, f.TotalDays); // 1 and 2 May only
        Assert.Equal(1, f.DischargesIn(DelayBand.SevenToThirteen)); // 13 days from 20 April
    }

    [Fact]
    public void Rates_per_adult_population_follow_their_definitions()
    {
        // 73 patients delayed every day of 2016/17 (365 days) in a county of 510,000 adults.
        var records = Enumerable.Range(0, 73).Select(_ => Acute(At(2016, 3, 1), exit: null)).ToArray();
        var counter = new DelayCounter(new(2016, 4, 1), new(2017, 3, 31));
        counter.AddRange(records);
        var f = counter.Figures(adults: 510_000);
        Assert.Equal(73 * 365, f.TotalDays);
        Assert.Equal(73 * 365.25, f.DaysPerYear, 9);
        Assert.Equal(73 * 365.25 / 510_000 * 1000, f.DaysPer1000AdultsPerYear, 9);
        Assert.Equal(73.0 / 510_000 * 100_000, f.DelayedPer100kAdults, 9);
        Assert.Equal(73, f.MeanSnapshot, 12);
        Assert.Equal(12, f.Months.Count);
        Assert.All(f.Months, m => Assert.Equal(73, m.DtocBeds(), 12));
        Assert.True(double.IsNaN(new DelayCounter(new(2016, 4, 1), new(2016, 4, 30)).Figures().DelayedPer100kAdults));
    }

    [Fact]
    public void A_delayed_record_without_a_reason_is_a_bug_in_its_maker()
    {
        var counter = new DelayCounter(new(2016, 5, 1), new(2016, 5, 31));
        Assert.Throws<ArgumentException>(() => counter.Add(Acute(At(2016, 5, 2), At(2016, 5, 4)) with { Reasons = [] }));
        Assert.Throws<ArgumentException>(() => counter.Add(Acute(At(2016, 5, 4), At(2016, 5, 2))));
    }
}
