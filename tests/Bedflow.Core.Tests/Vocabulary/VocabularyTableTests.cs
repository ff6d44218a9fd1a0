using System.Reflection;
using Bedflow.Core.Experiments;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Vocabulary;

/// <summary>
/// Every vocabulary table in Core, found by reflection (so a new table is checked without being
/// listed here): one row per member of its enum, codes unique, and every code reading back as its
/// member.
/// </summary>
public class VocabularyTableTests
{
    /// <summary>Every public static VocabularyTable property of a Core type, with where it is.</summary>
    public static TheoryData<string> Tables()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Found(typeof(Simulator).Assembly))
        {
            data.Add(name);
        }
        return data;
    }

    internal static IEnumerable<(string Name, object Table)> Found(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(VocabularyTable<,>))
            .Select(p => ($"{p.DeclaringType!.Name}.{p.Name}", p.GetValue(null)!))
            .OrderBy(x => x.Item1, StringComparer.Ordinal);

    private static object Table(string name) => Found(typeof(Simulator).Assembly).Single(t => t.Name == name).Table;

    [Fact]
    public void The_search_finds_the_tables_of_the_sitrep_vocabulary()
    {
        // A guard that the theories below have something to check.
        var names = Found(typeof(Simulator).Assembly).Select(t => t.Name).ToList();
        Assert.Contains("DelayReasonWords.Table", names);
        Assert.Contains("ResponsibilityWords.Table", names);
        Assert.Contains("SitRepBedsWords.Table", names);
        Assert.Contains("CommissionerWords.Table", names);
        Assert.Contains("ServiceKindWords.Table", names);
        Assert.Contains("DischargePathwayWords.Table", names);
        Assert.Contains("DelayBandWords.Table", names);
        Assert.Contains("ArrivalKindWords.Table", names);
    }

    [Fact]
    public void Every_enum_of_the_vocabulary_and_the_model_has_a_table()
    {
        // The model's choices and the SitRep's words are read and written as text; a new enum
        // there gets its table, or a place in this list with the reason it has no text form.
        Type[] without =
        [
            typeof(Bedflow.Core.Model.ProblemSeverity), // shown as "warning: " or nothing, never as a word of its own
            typeof(Bedflow.Core.Model.LoadLevel),       // sizing findings are worded in sentences (LoadWords), never read or stored as codes
            typeof(Bedflow.Core.Model.LoadBasis),
        ];
        var spelled = Found(typeof(Simulator).Assembly).Select(t => t.Table.GetType().GetGenericArguments()[0]).ToHashSet();
        var enums = typeof(Simulator).Assembly.GetExportedTypes()
            .Where(t => t.IsEnum && t.Namespace is "Bedflow.Core.Vocabulary" or "Bedflow.Core.Model")
            .Except(without)
            .ToList();
        Assert.NotEmpty(enums);
        Assert.All(enums, e => Assert.True(spelled.Contains(e), $"{e.Name} has no vocabulary table"));
        Assert.Equal(enums.Count, spelled.Count(t => t.Namespace is "Bedflow.Core.Vocabulary" or "Bedflow.Core.Model"));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_member_of_the_enum_has_exactly_one_row_and_no_two_codes_are_alike(string table) =>
        TableChecks.Complete(Table(table));

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_code_reads_back_as_its_member_and_writes_as_the_same_code(string table) =>
        TableChecks.RoundTrip(Table(table));

    [Fact]
    public void A_table_without_a_row_for_every_member_cannot_be_built()
    {
        var e = Assert.Throws<ArgumentException>(() => new VocabularyTable<Responsibility, ResponsibilityWords.Row>(
            new ResponsibilityWords.Row(Responsibility.Nhs, "nhs", "NHS", "the NHS"),
            new ResponsibilityWords.Row(Responsibility.SocialCare, "social_care", "Social Care", "social care")));
        Assert.StartsWith("Responsibility.Both has no row", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_with_two_rows_for_a_member_or_a_row_for_no_member_cannot_be_built()
    {
        ResponsibilityWords.Row Row(Responsibility r, string code) => new(r, code, code, code);
        Assert.Throws<ArgumentException>(() => new VocabularyTable<Responsibility, ResponsibilityWords.Row>(
            Row(Responsibility.Nhs, "nhs"), Row(Responsibility.Nhs, "nhs2"), Row(Responsibility.SocialCare, "social_care"), Row(Responsibility.Both, "both")));
        Assert.Throws<ArgumentException>(() => new VocabularyTable<Responsibility, ResponsibilityWords.Row>(
            Row(Responsibility.Nhs, "nhs"), Row(Responsibility.SocialCare, "social_care"), Row(Responsibility.Both, "both"), Row((Responsibility)7, "seven")));
    }

    [Theory]
    [InlineData("NHS")]
    [InlineData("")]
    public void A_table_whose_codes_clash_in_all_but_case_or_are_empty_cannot_be_built(string code)
    {
        var e = Assert.Throws<ArgumentException>(() => new VocabularyTable<Responsibility, ResponsibilityWords.Row>(
            new ResponsibilityWords.Row(Responsibility.Nhs, "nhs", "NHS", "the NHS"),
            new ResponsibilityWords.Row(Responsibility.SocialCare, "social_care", "Social Care", "social care"),
            new ResponsibilityWords.Row(Responsibility.Both, code, "Both", "both")));
        Assert.Contains("Responsibility.Both's code", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_code_is_exact_unless_asked_to_ignore_case()
    {
        Assert.True(DelayReasonWords.Table.TryParse("Dii", out var dii));
        Assert.Equal(DelayReason.Dii, dii);
        Assert.False(DelayReasonWords.Table.TryParse("dii", out _));
        Assert.Equal(DelayReason.Dii, DelayReasonWords.Table.Find("DII", StringComparison.OrdinalIgnoreCase));
        Assert.Null(DelayReasonWords.Table.Find(null));
        Assert.Null(DelayReasonWords.Table.Find("Diii", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_value_that_is_not_a_member_has_no_words()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DelayReasonWords.Code((DelayReason)99));
    }
}
