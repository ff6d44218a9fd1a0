using System.Reflection;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Tests.Vocabulary;

/// <summary>The checks every vocabulary table meets, for a table known only as an object (found by reflection).</summary>
public static class TableChecks
{
    /// <summary>One row per member of the enum, in any order; codes unique ignoring case.</summary>
    public static void Complete(object table) => Invoke(nameof(CompleteOf), table);

    /// <summary>Every member's code reads back, exactly, as the member; a code in another case does not.</summary>
    public static void RoundTrip(object table) => Invoke(nameof(RoundTripOf), table);

    private static void Invoke(string check, object table)
    {
        var args = table.GetType().GetGenericArguments();
        try
        {
            typeof(TableChecks).GetMethod(check, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(args).Invoke(null, [table]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    private static void CompleteOf<TEnum, TRow>(VocabularyTable<TEnum, TRow> table) where TEnum : struct, Enum where TRow : IVocabularyRow<TEnum>
    {
        Assert.Equal(Enum.GetValues<TEnum>().Order(), table.Rows.Select(r => r.Value).Order());
        Assert.Equal(table.Rows.Count, table.Codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(table.Codes, c => Assert.False(string.IsNullOrWhiteSpace(c)));
        Assert.All(table.Rows, r => Assert.Equal(r, table[r.Value]));
    }

    private static void RoundTripOf<TEnum, TRow>(VocabularyTable<TEnum, TRow> table) where TEnum : struct, Enum where TRow : IVocabularyRow<TEnum>
    {
        foreach (var member in Enum.GetValues<TEnum>())
        {
            string code = table.Code(member);
            Assert.True(table.TryParse(code, out var back), $"'{code}' does not read back");
            Assert.Equal(member, back);
            Assert.Equal(code, table.Code(back));
            Assert.Equal(member, table.Find(code.ToUpperInvariant(), StringComparison.OrdinalIgnoreCase));
        }
    }
}
