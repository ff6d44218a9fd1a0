using System.Globalization;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Delays;

/// <summary>Who a SitRep extract is about: provider and council codes and names (from the scenario or the register).</summary>
/// <param name="ProviderParentCode">e.g. "Q87".</param>
/// <param name="ProviderParentName">e.g. "NHS ENGLAND SOUTH (SOUTH CENTRAL)".</param>
/// <param name="ProviderCode">e.g. "RTH".</param>
/// <param name="ProviderName">e.g. "OXFORD UNIVERSITY HOSPITALS NHS FOUNDATION TRUST".</param>
/// <param name="CouncilCode">e.g. "608" or "E10000025".</param>
/// <param name="CouncilName">e.g. "OXFORDSHIRE".</param>
public sealed record SitRepIdentity(string ProviderParentCode, string ProviderParentName, string ProviderCode, string ProviderName, string CouncilCode, string CouncilName);

/// <summary>
/// One row of the NHS England monthly DTOC extract layout (domain.md §3): a month × bed type ×
/// reason, with patients at the snapshot ("A") and delayed days ("B") for NHS, Social Care and
/// Both. Values are means over the replications given (whole numbers for one replication or
/// real data); a snapshot outside the period is null (missing, not zero).
/// </summary>
public sealed record SitRepRow(string Year, string PeriodName, SitRepBeds Beds, DelayReason Reason,
    IReadOnlyList<double?> Patients, IReadOnlyList<double> Days)
{
    /// <summary>The extract's "Acute Or Non Acute Description": "Acute" or "Non-Acute" (empty for beds the SitRep does not count, which have no row).</summary>
    public string BedsDescription => SitRepBedsWords.ExtractValue(Beds) ?? "";

    /// <summary>
    /// Rows for every month of the period, acute before non-acute, reasons A to O, averaging the
    /// figures of each replication (all over the same period).
    /// </summary>
    public static IReadOnlyList<SitRepRow> From(IReadOnlyList<DelayFigures> replications)
    {
        ArgumentNullException.ThrowIfNull(replications);
        Preconditions.Check(replications.Count > 0, nameof(replications), "at least one replication's figures are needed.");
        var rows = new List<SitRepRow>();
        var months = replications[0].Months;
        for (int i = 0; i < months.Count; i++)
        {
            var m = months[i];
            string year = SitRep.ExtractYear(Units.FinancialYear.Of(new DateOnly(m.Year, m.Month, 1)));
            string period = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m.Month).ToUpperInvariant();
            foreach (var beds in new[] { SitRepBeds.Acute, SitRepBeds.NonAcute })
            {
                foreach (var reason in SitRep.Reasons)
                {
                    int month = i;
                    var patients = SitRep.Responsibilities.Select(o => m.SnapshotDate is null
                        ? (double?)null
                        : replications.Average(f => (double)f.Months[month].SnapshotPatients(beds, reason, o))).ToList();
                    var days = SitRep.Responsibilities.Select(o => replications.Average(f => (double)f.Months[month].DelayedDays(beds, reason, o))).ToList();
                    rows.Add(new SitRepRow(year, period, beds, reason, patients, days));
                }
            }
        }
        return rows;
    }
}
