using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Bedflow.Web.Runs;

/// <summary>
/// The runs waiting to be run: a bounded queue (at most <see cref="Capacity"/> waiting; a run asked
/// for when it is full is refused, not kept waiting without end) and one or two workers taking
/// them in order, each run on its own thread. Thread-safe.
/// </summary>
internal sealed class RunQueue(RunJob job, RunStore store, WebOptions options) : BackgroundService
{
    /// <summary>Runs that may wait at once.</summary>
    public const int Capacity = 8;

    private readonly Channel<string> _waiting = Channel.CreateBounded<string>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Runs at a time: one or two (the machine's processors go to each run's replications).</summary>
    public int Workers { get; } = Math.Clamp(options.RunWorkers, 1, 2);

    /// <summary>Queues a kept run; false when the queue is full.</summary>
    public bool TryEnqueue(string id) => _waiting.Writer.TryWrite(id);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        store.MarkInterrupted();
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stop)
    {
        try
        {
            await foreach (string id in _waiting.Reader.ReadAllAsync(stop))
            {
                job.Execute(id, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The server is stopping: runs still queued are marked interrupted when it next starts.
        }
    }
}
