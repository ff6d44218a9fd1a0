using Bedflow.Core.Vocabulary;
using Bedflow.Data.Audit;
using Bedflow.Data.Register;

namespace Bedflow.Web.Delays;

/// <summary>One row of the list: pseudonymous, with the patient's identifiers only for those allowed to see them.</summary>
internal sealed record CurrentRow(CurrentDelay Delay, string? NhsNumber, string? LocalNumber);

/// <summary>A page of the list, with the counts over every row the filters keep.</summary>
/// <param name="Query">What was asked.</param>
/// <param name="Total">Rows the filters keep, on every page.</param>
/// <param name="Rows">This page's rows, longest delayed first.</param>
/// <param name="ByReason">Rows by reason, in the SitRep table's order.</param>
/// <param name="ByOrganisation">Rows by responsible organisation.</param>
/// <param name="ByBand">Rows delayed 7+, 14+ and 21+ days (each counts those above it too).</param>
/// <param name="Identifiers">"shown", "hidden" (the role may not see them) or why they cannot be shown.</param>
internal sealed record CurrentPage(CurrentQuery Query, int Total, IReadOnlyList<CurrentRow> Rows, IReadOnlyList<(DelayReason Reason, int Count)> ByReason,
    IReadOnlyList<(Responsibility Organisation, int Count)> ByOrganisation, IReadOnlyList<(string Band, int Count)> ByBand, string Identifiers);

/// <summary>
/// Who is delayed now, as the API and the Today page show it: the register's "delayed now" query,
/// filtered, counted and paged; for an editor, the page's NHS numbers decrypted and every one shown
/// written to the audit log first (no audit, no numbers). Read through <see cref="CurrentCache"/>.
/// </summary>
internal sealed class CurrentList(DelayRegister register, CurrentCache cache, AuditLog audit)
{
    public async Task<CurrentPage> ReadAsync(CurrentQuery query, string who, bool identifiable, string where, CancellationToken cancel)
    {
        var all = await cache.DelaysAsync(query.At, cancel);
        var counted = Counted(all, query);
        var kept = counted.Kept;
        var page = kept.Skip((int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.PageSize)).Take(query.PageSize).ToList();
        string identifiers = !identifiable ? "hidden" : register.CanShowIdentifiers ? "shown" : $"unavailable: {IdentityCipher.KeyVariable} is not set on the server";
        IReadOnlyDictionary<long, (string? NhsNumber, string? LocalNumber)> ids = new Dictionary<long, (string?, string?)>();
        if (identifiers == "shown" && page.Count > 0)
        {
            await audit.WriteAsync(who, "viewed identifiers", [.. page.Select(d => (long?)d.Episode)], $"{where}: the list of patients delayed at {query.At:yyyy-MM-dd HH:mm}", cancel);
            ids = await register.IdentifiersAsync([.. page.Select(d => d.Episode)], cancel);
        }
        var rows = page.Select(d => ids.TryGetValue(d.Episode, out var i) ? new CurrentRow(d, i.NhsNumber, i.LocalNumber) : new CurrentRow(d, null, null)).ToList();
        return new CurrentPage(query, kept.Count, rows, counted.ByReason, counted.ByOrganisation, counted.ByBand, identifiers);
    }

    private sealed record Filtered(List<CurrentDelay> Kept, IReadOnlyList<(DelayReason Reason, int Count)> ByReason,
        IReadOnlyList<(Responsibility Organisation, int Count)> ByOrganisation, IReadOnlyList<(string Band, int Count)> ByBand);

    private sealed record Memo(IReadOnlyList<CurrentDelay> List, System.Collections.Concurrent.ConcurrentDictionary<(DelayReason?, string?, Responsibility?), Filtered> ByFilter);

    private volatile Memo? _memo;

    // The rows the filters keep and their counts, once for each list the cache gives (the same list object for the same snapshot and minute).
    private Filtered Counted(IReadOnlyList<CurrentDelay> all, CurrentQuery query)
    {
        var memo = _memo;
        if (memo is null || !ReferenceEquals(memo.List, all))
        {
            memo = new Memo(all, new());
            _memo = memo;
        }
        if (memo.ByFilter.Count > 256)
        {
            memo.ByFilter.Clear();
        }
        return memo.ByFilter.GetOrAdd((query.Reason, query.Provider, query.Organisation), _ => Filter(all, query));
    }

    private static Filtered Filter(IReadOnlyList<CurrentDelay> all, CurrentQuery query)
    {
        var kept = all.Where(d => (query.Reason is null || d.Reason == query.Reason) && (query.Provider is null || d.Provider == query.Provider) && (query.Organisation is null || d.Responsible == query.Organisation)).ToList();
        // The counts in one pass over the list.
        var byReason = new Dictionary<DelayReason, int>();
        var byOrganisation = new Dictionary<Responsibility, int>();
        int over7 = 0, over14 = 0, over21 = 0;
        foreach (var d in kept)
        {
            byReason[d.Reason] = byReason.GetValueOrDefault(d.Reason) + 1;
            byOrganisation[d.Responsible] = byOrganisation.GetValueOrDefault(d.Responsible) + 1;
            over7 += d.Days >= 7 ? 1 : 0;
            over14 += d.Days >= 14 ? 1 : 0;
            over21 += d.Days >= 21 ? 1 : 0;
        }
        return new Filtered(kept,
            [.. SitRep.Reasons.Where(byReason.ContainsKey).Select(r => (r, byReason[r]))],
            [.. SitRep.Responsibilities.Select(o => (o, byOrganisation.GetValueOrDefault(o)))],
            [("7+", over7), ("14+", over14), ("21+", over21)]);
    }
}
