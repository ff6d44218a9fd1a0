using BenchmarkDotNet.Running;
using Bedflow.Bench;

// `quick`: the whole-run benchmark with its one-line summary; `optimise`: the optimiser on the
// Oxfordshire example (5 levers, 3 budgets); `web-load`: GET /api/delays/current at 50 clients; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "quick")
{
    return QuickBenchmark.Run(args.Skip(1).ToArray());
}
if (args.Length > 0 && args[0] == "optimise")
{
    return OptimiseBenchmark.Run(args.Skip(1).ToArray());
}
if (args.Length > 0 && args[0] == "web-load")
{
    return await WebLoadBenchmark.RunAsync(args.Skip(1).ToArray());
}
if (args.Length > 0 && args[0] == WebLoadBenchmark.ClientVerb)
{
    return await WebLoadBenchmark.ClientAsync(args.Skip(1).ToArray());
}
BenchmarkSwitcher.FromAssembly(typeof(QuickBenchmark).Assembly).Run(args);
return 0;
