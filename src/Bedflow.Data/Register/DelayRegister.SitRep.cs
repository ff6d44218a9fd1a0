using Bedflow.Core.Delays;

namespace Bedflow.Data.Register;

/// <summary>The month's SitRep figures from the register's patients (`register sitrep`, the web app's Figures page).</summary>
public sealed partial class DelayRegister
{
    /// <summary>
    /// The SitRep figures of the calendar month starting <paramref name="first"/> (its first day):
    /// delayed days, DTOC beds and the snapshot, by bed type, reason and organisation, counted by
    /// Core's <see cref="DelayCounter"/> over the stays that can count in the month.
    /// </summary>
    public async Task<MonthFigures> SitRepMonthAsync(DateOnly first, CancellationToken cancel = default)
    {
        var counter = new DelayCounter(first, first.AddMonths(1).AddDays(-1));
        counter.AddRange(await DelayRecordsAsync(counter.First, counter.Last, cancel).ConfigureAwait(false));
        return counter.Figures().Months[0];
    }
}
