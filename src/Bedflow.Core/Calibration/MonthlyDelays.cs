using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Calibration;

/// <summary>
/// One month's delayed days by SitRep reason and by responsible organisation, as NHS England
/// published them for a council or as a run simulated them (the mean over replications), so the
/// two can be held against each other. A figure not published is absent from its table. Immutable.
/// </summary>
/// <param name="Month">The month (its first day).</param>
/// <param name="ByReason">Delayed days by reason.</param>
/// <param name="ByOrganisation">Delayed days by responsible organisation.</param>
public sealed record MonthlyDelays(DateOnly Month, IReadOnlyDictionary<DelayReason, double> ByReason, IReadOnlyDictionary<Responsibility, double> ByOrganisation)
{
    /// <summary>All delayed days of the month (the sum over reasons).</summary>
    public double Total => ByReason.Values.Sum();

    /// <summary>
    /// Each complete month of a run's replications, the mean over replications, in order. Months
    /// the run covers only in part are left out: they cannot be compared with a published month.
    /// </summary>
    public static IReadOnlyList<MonthlyDelays> Simulated(IReadOnlyList<DelayFigures> replications)
    {
        ArgumentNullException.ThrowIfNull(replications);
        if (replications.Count == 0)
        {
            return [];
        }
        var months = new List<MonthlyDelays>();
        for (int m = 0; m < replications[0].Months.Count; m++)
        {
            var first = replications[0].Months[m];
            if (!first.IsComplete)
            {
                continue;
            }
            double Mean(Func<MonthFigures, long> f) => replications.Average(r => (double)f(r.Months[m]));
            months.Add(new MonthlyDelays(first.First,
                SitRep.Reasons.ToDictionary(r => r, r => Mean(x => x.DelayedDays(reason: r))),
                SitRep.Responsibilities.ToDictionary(o => o, o => Mean(x => x.DelayedDays(responsible: o)))));
        }
        return months;
    }
}
