using Bedflow.Core.Forecasting;
using Dapper;

namespace Bedflow.Data.Register;

public sealed partial class DelayRegister
{
    /// <summary>
    /// The moments the register's data cover — its first admission to the latest admission, ready
    /// time, discharge or reason's start — as <see cref="RegisterSpan.Of"/> gives them from
    /// <see cref="StaysAsync(CancellationToken)"/>, but asked of the database (two aggregates, no stays read); null when
    /// the register has no stays.
    /// </summary>
    public async Task<RegisterSpan?> SpanAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var e = await connection.QuerySingleAsync<(string? First, string? Admitted, string? Ready, string? Discharged)>(
            $"SELECT {db.TimeText("MIN(admitted)", "first_admitted")}, {db.TimeText("MAX(admitted)", "last_admitted")}, {db.TimeText("MAX(ready)", "last_ready")}, {db.TimeText("MAX(discharged)", "last_discharged")} FROM episodes").ConfigureAwait(false);
        if (e.First is null)
        {
            return null;
        }
        string? reason = await connection.QuerySingleAsync<string?>($"SELECT {db.TimeText("MAX(from_time)", "last_from")} FROM delay_reasons").ConfigureAwait(false);
        return new RegisterSpan(P(e.First)!.Value, new[] { e.Admitted, e.Ready, e.Discharged, reason }.Select(P).Max()!.Value);
    }
}
