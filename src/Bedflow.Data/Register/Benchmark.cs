using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Register;

/// <summary>
/// A council's (or England's) delayed days over a period and where it stands among all councils.
/// Missing is never zero: <see cref="DelayedDays"/> is null when no value of the period was
/// published, each reason or organisation is null when none of its values was, and
/// <see cref="Rank"/> is null when the council is not ranked (England, or a council that does not
/// report every month of the period); <see cref="Warning"/> then says why.
/// </summary>
public sealed record Benchmark(string Council, string Name, string From, string To, long? DelayedDays, IReadOnlyDictionary<DelayReason, long?> ByReason,
    IReadOnlyDictionary<Responsibility, long?> ByOrganisation, int MissingValues, int? Rank, int Councils, string RankedBy, double? RatePer100kAdults, string? Warning)
{
    /// <summary>True for England's total, the national comparator (never ranked among councils).</summary>
    public bool IsNational => Council == PublishedData.England;

    /// <summary>True when not one value of the period was published for this council.</summary>
    public bool NoData => DelayedDays is null;
}

/// <summary>A council's (or England's) monthly delayed days ÷ days in the month, null where every reason is missing.</summary>
public sealed record PublishedSeries(string Council, string Name, DateOnly First, double?[] Values);
