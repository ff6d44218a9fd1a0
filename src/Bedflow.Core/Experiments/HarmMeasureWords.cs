using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Experiments;

/// <summary>The words of the harm measures: the one table for <see cref="HarmMeasure"/>.</summary>
public static class HarmMeasureWords
{
    /// <summary>A member's words.</summary>
    /// <param name="Value">The member.</param>
    /// <param name="Code">Its stable code: results.json (<c>harms</c>), the scenario's <c>decision:</c> section.</param>
    /// <param name="Display">How tables and the board pack name it.</param>
    /// <param name="Unit">What one of it is, for headings ("a year", "patients").</param>
    public sealed record Row(HarmMeasure Value, string Code, string Display, string Unit) : IVocabularyRow<HarmMeasure>;

    /// <summary>The table, in the order the faces list the measures.</summary>
    public static VocabularyTable<HarmMeasure, Row> Table { get; } = new(
    [
        new(HarmMeasure.EmergencyAdmissions, "emergency_admissions_per_year", "Emergency patients admitted", "a year"),
        new(HarmMeasure.ElectiveAdmissions, "elective_admissions_per_year", "Elective patients admitted", "a year"),
        new(HarmMeasure.ElectivesTurnedAway, "electives_turned_away_per_year", "Electives cancelled or turned away", "a year"),
        new(HarmMeasure.WaitingForAcuteBed, "waiting_for_acute_bed", "Patients waiting for an acute bed", "at midnight"),
        new(HarmMeasure.WaitingForAcuteBedPeak, "waiting_for_acute_bed_peak", "Most waiting for an acute bed (95th percentile day)", "patients"),
        new(HarmMeasure.HoursWaitedForAcuteBed, "hours_waited_for_acute_bed_per_year", "Patient-hours waited for an acute bed", "a year"),
        new(HarmMeasure.WaitsOver4Hours, "waits_over_4_hours_per_year", "Waits for a bed over 4 hours", "a year"),
        new(HarmMeasure.WaitsOver12Hours, "waits_over_12_hours_per_year", "Waits for a bed over 12 hours", "a year"),
        new(HarmMeasure.AcuteOccupancy, "acute_occupancy", "Acute occupancy", "share"),
        new(HarmMeasure.DaysAbove92Percent, "days_above_92_percent_per_year", "Days with acute occupancy above 92%", "a year"),
        new(HarmMeasure.DaysAbove95Percent, "days_above_95_percent_per_year", "Days with acute occupancy above 95%", "a year"),
        new(HarmMeasure.WaitingUncounted, "waiting_in_uncounted_places", "Ready to move on in places the SitRep does not count", "patients"),
    ]);

    /// <summary>The member's stable code.</summary>
    public static string Code(HarmMeasure value) => Table[value].Code;

    /// <summary>The member's display name.</summary>
    public static string Display(HarmMeasure value) => Table[value].Display;
}

/// <summary>The words of <see cref="Worse"/>: the one table for it.</summary>
public static class WorseWords
{
    /// <summary>A member's words.</summary>
    /// <param name="Value">The member.</param>
    /// <param name="Code">Its stable code: results.json.</param>
    public sealed record Row(Worse Value, string Code) : IVocabularyRow<Worse>;

    /// <summary>The table.</summary>
    public static VocabularyTable<Worse, Row> Table { get; } = new(
    [
        new(Worse.Higher, "higher"),
        new(Worse.Lower, "lower"),
    ]);

    /// <summary>The member's code.</summary>
    public static string Code(Worse value) => Table[value].Code;
}
