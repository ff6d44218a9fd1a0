using Bedflow.Data.Imports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bedflow.Web.Imports;

/// <summary>
/// Deletes expired rejects files when the server starts and every <see cref="Every"/> after, so that
/// none outlives its <see cref="RejectsStore.Keep"/> by more than that even when no one imports or
/// downloads (they are patient-level rows, masked, and end up in the register's backups).
/// </summary>
internal sealed partial class RejectsSweep(RejectsStore rejects, TimeProvider clock, ILogger<RejectsSweep> logger) : BackgroundService
{
    /// <summary>How often the expired files are looked for.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                int gone = await rejects.PruneAsync(stoppingToken);
                if (gone > 0)
                {
                    Swept(logger, gone);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy or failing register: the next sweep (or add, or download) tries again.
                Failed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired rejects file(s)")]
    private static partial void Swept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the expired rejects files ({Error}); the next sweep will try again")]
    private static partial void Failed(ILogger logger, string error);
}
