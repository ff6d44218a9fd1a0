using Bedflow.Core.Statistics;

namespace Bedflow.Core.Experiments;

/// <summary>
/// A variant's headline measures each two ways — from randomness at the central parameters, and
/// with the parameters' uncertainty — with the share of the spread the parameters explain
/// (<see cref="UncertainEstimate"/>). Immutable.
/// </summary>
public sealed class ParameterUncertaintyResult
{
    private ParameterUncertaintyResult(IReadOnlyList<UncertainParameter> parameters, VariantResult drawn)
    {
        Parameters = parameters;
        Drawn = drawn;
    }

    /// <summary>The uncertain parameters, as the scenario states them.</summary>
    public IReadOnlyList<UncertainParameter> Parameters { get; }

    /// <summary>The variant's run with drawn parameters (replication r with θ_r).</summary>
    public VariantResult Drawn { get; }

    /// <summary>Patients delayed on a typical day.</summary>
    public required UncertainEstimate DelayedPatients { get; init; }

    /// <summary>Delayed days a year.</summary>
    public required UncertainEstimate DelayedDaysPerYear { get; init; }

    /// <summary>Total cost over the period (£); null when the variant is not costed.</summary>
    public UncertainEstimate? TotalCost { get; init; }

    /// <summary>Delayed days a year avoided against the baseline (baseline − variant, paired); null for the baseline.</summary>
    public UncertainEstimate? DelayedDaysAvoided { get; init; }

    /// <summary>Extra total cost against the baseline (variant − baseline, paired, £); null for the baseline or when not costed.</summary>
    public UncertainEstimate? ExtraCost { get; init; }

    internal static ParameterUncertaintyResult Of(VariantResult central, VariantResult drawn, VariantResult? centralBaseline, VariantResult? drawnBaseline, IReadOnlyList<UncertainParameter> parameters)
    {
        int n = central.Run.Replications.Count;
        UncertainEstimate Two(Func<VariantResult, VariantResult?, int, double> measure)
        {
            var y = new double[n];
            var z = new double[n];
            for (int i = 0; i < n; i++)
            {
                y[i] = measure(central, centralBaseline, i);
                z[i] = measure(drawn, drawnBaseline, i);
            }
            return UncertainEstimate.Of(y, z);
        }
        static double Days(VariantResult v, int i) => v.Run.Delays!.Replications[i].DaysPerYear;
        static double Cost(VariantResult v, int i) => v.Costs is { } c ? (double)c.Replications[i].Total.Pounds : double.NaN;
        bool costed = central.Costs is not null && drawn.Costs is not null;
        bool baselineCosted = centralBaseline?.Costs is not null && drawnBaseline?.Costs is not null;
        return new ParameterUncertaintyResult(parameters, drawn)
        {
            DelayedPatients = Two((v, _, i) => v.Run.Delays!.Replications[i].MeanDelayed).Within(0, null),
            DelayedDaysPerYear = Two((v, _, i) => Days(v, i)).Within(0, null),
            TotalCost = costed ? Two((v, _, i) => Cost(v, i)) : null,
            DelayedDaysAvoided = centralBaseline is null ? null : Two((v, b, i) => Days(b!, i) - Days(v, i)),
            ExtraCost = costed && baselineCosted ? Two((v, b, i) => Cost(v, i) - Cost(b!, i)) : null,
        };
    }
}
