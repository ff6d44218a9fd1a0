using System.Globalization;
using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Data.Scenarios;
using Spectre.Console;

namespace Bedflow.Cli;

/// <summary>
/// The offered-load table `bedflow validate` prints: for the baseline, each service's offered
/// load against its capacity over the report and in its busiest month; for each variant, the
/// services whose ratio differs from the baseline's.
/// </summary>
internal static class LoadTable
{
    public static void Print(Scenario scenario, TextWriter output)
    {
        double horizon = scenario.Options.HorizonDays;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        // Wide enough for a service name and seven figures on one line when the output is not a terminal.
        console.Profile.Width = Math.Max(console.Profile.Width, 110);
        var baseline = scenario.Baseline.OfferedLoad(horizon);
        output.WriteLine();
        output.WriteLine("Offered load (flow balance): the least each service needs, with no blocking anywhere (blocking only adds to it).");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("Service").NoWrap());
        table.AddColumns("Offered", "Capacity", "Unit", "Ratio", "Busiest month", "Offered then", "Capacity then", "Ratio then");
        foreach (var s in baseline.Services)
        {
            var def = scenario.Baseline.Services[scenario.Baseline.ServiceIndex(s.Service)];
            var m = s.BusiestMonth;
            table.AddRow(
                Markup.Escape(s.Service),
                s.IsUnbounded ? "unbounded" : LoadWords.Amount(s.Mean.Offered),
                s.Mean.Capacity is { } c ? LoadWords.Amount(c) : "unlimited",
                LoadWords.Unit(def),
                Ratio(s.Mean.Ratio),
                m is null ? "–" : m.From.ToString("MMM yyyy", CultureInfo.InvariantCulture),
                m is null ? "–" : LoadWords.Amount(m.Offered),
                m?.Capacity is { } mc ? LoadWords.Amount(mc) : "–",
                Ratio(m?.Ratio));
        }
        console.Write(table);
        foreach (var v in scenario.Variants)
        {
            var load = v.Network.OfferedLoad(horizon);
            var changed = load.Services
                .Select(s => (s, b: baseline.Services.FirstOrDefault(b => b.Service == s.Service)))
                .Where(p => p.b is null || Differs(p.s.Mean.Ratio, p.b.Mean.Ratio) || Differs(p.s.BusiestMonth?.Ratio, p.b.BusiestMonth?.Ratio))
                .Select(p => $"{p.s.Service} {Ratio(p.s.Mean.Ratio)} (busiest month {Ratio(p.s.BusiestMonth?.Ratio)})")
                .ToList();
            output.WriteLine($"{v.Name}: {(changed.Count == 0 ? "as the baseline" : string.Join("; ", changed))}.");
        }
    }

    private static string Ratio(double? ratio) => ratio is null ? "–" : LoadWords.Percent(ratio);

    // Half a percentage point: less is rounding, not a change.
    private static bool Differs(double? a, double? b) => (a, b) switch
    {
        (null, null) => false,
        ({ } x, { } y) when double.IsFinite(x) && double.IsFinite(y) => Math.Abs(x - y) >= 0.005,
        _ => a != b,
    };
}
