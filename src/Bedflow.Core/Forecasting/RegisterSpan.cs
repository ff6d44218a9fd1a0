using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;

namespace Bedflow.Core.Forecasting;

/// <summary>
/// The moments a register's data cover: from its first admission to the latest moment it records
/// (an admission, a ready time, a discharge or a reason's start) — the moments a forecast may start
/// from. Immutable.
/// </summary>
/// <param name="First">The first admission (a local clock time).</param>
/// <param name="Latest">The latest moment recorded (a local clock time).</param>
public sealed record RegisterSpan(DateTime First, DateTime Latest)
{
    /// <summary>The span of <paramref name="stays"/>; null when there are none.</summary>
    public static RegisterSpan? Of(IReadOnlyCollection<ObservedStay> stays)
    {
        ArgumentNullException.ThrowIfNull(stays);
        return stays.Count == 0 ? null : new RegisterSpan(stays.Min(s => s.Stay.Admitted), stays.Max(s => LatestOf(s.Stay)));
    }

    /// <summary>Whether <paramref name="moment"/> is inside the span (its ends included).</summary>
    public bool Holds(DateTime moment) => moment >= First && moment <= Latest;

    private static DateTime LatestOf(DelayRecord s) =>
        new[] { s.Admitted, s.Ready ?? DateTime.MinValue, s.Exit ?? DateTime.MinValue }.Concat(s.Reasons.Select(r => r.From)).Max();
}
