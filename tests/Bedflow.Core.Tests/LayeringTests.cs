using Bedflow.Core.Experiments;
using Bedflow.Core.Tests.Support;

namespace Bedflow.Core.Tests;

/// <summary>
/// Core's layers point one way (docs/engine.md, "Layers"): vocabulary and units ← model ←
/// engine ← statistics ← delays ← finance ← experiments. Checked on the compiled IL, so a use
/// hidden in a method body counts as much as one in a signature.
/// </summary>
public class LayeringTests
{
    private static readonly string Core = typeof(Simulator).Assembly.Location;

    [Fact]
    public void Every_core_namespace_has_a_layer()
    {
        Assert.Empty(LayerCheck.Unlayered(Core));
    }

    [Fact]
    public void No_core_type_uses_a_type_of_a_later_layer()
    {
        var violations = LayerCheck.Violations(Core);
        Assert.True(violations.Count == 0, "uses of a later layer:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void A_planted_use_of_a_later_layer_is_found_in_a_signature_a_method_body_and_a_closure()
    {
        using var copy = ScratchCore.Create();
        copy.AddSource("PlantedModel.cs", """
            namespace Bedflow.Core.Model;

            public static class PlantedModel
            {
                // The model reaching into the engine, inside a method body only.
                public static object Options() => new Bedflow.Core.Simulation.RunOptions();
            }
            """);
        copy.AddSource("PlantedEngine.cs", """
            namespace Bedflow.Core.Simulation;

            public static class PlantedEngine
            {
                // The engine holding a delay figure: in a signature.
                public static Bedflow.Core.Delays.DelayFigures? Figures { get; set; }
            }
            """);
        copy.AddSource("PlantedStatistics.cs", """
            namespace Bedflow.Core.Statistics;

            public static class PlantedStatistics
            {
                // Statistics calling up into experiments from a lambda (a compiler-made closure class).
                public static System.Func<int, object> Run(Bedflow.Core.Model.Network network) =>
                    n => Bedflow.Core.Experiments.Simulator.Run(network, new Bedflow.Core.Simulation.RunOptions { Replications = n });
            }
            """);
        var build = copy.Build(warningsAsErrors: false);
        Assert.True(build.ExitCode == 0, $"the planted copy did not build:\n{build.Output}");

        var violations = LayerCheck.Violations(copy.OutputAssembly);
        Assert.Contains(violations, v => v.StartsWith("Bedflow.Core.Model.PlantedModel uses Bedflow.Core.Simulation.RunOptions (method Options", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("Bedflow.Core.Simulation.PlantedEngine uses Bedflow.Core.Delays.DelayFigures (property Figures", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("Bedflow.Core.Statistics.PlantedStatistics uses Bedflow.Core.Experiments.Simulator", StringComparison.Ordinal));
        // Nothing but the plants: the rest of the copy is main's code, which has no violation.
        Assert.All(violations, v => Assert.Contains(".Planted", v, StringComparison.Ordinal));
    }
}
