using System.Globalization;
using Bedflow.Core.Distributions;
using Bedflow.Core.Randomness;

namespace Bedflow.Core.Experiments;

/// <summary>How an uncertain parameter is drawn (the scenario's <c>uncertainty:</c> section).</summary>
public enum UncertaintyForm
{
    /// <summary><c>{mean: m, ci95: [lo, hi]}</c>: lognormal with median m and log-sd (ln hi − ln lo) ÷ 3.92.</summary>
    LogNormal,

    /// <summary><c>{min: a, max: b}</c>: uniform between a and b.</summary>
    Uniform,

    /// <summary><c>{n: N}</c> on a route: its shares p drawn as Dirichlet(N·p), as if observed from N patients.</summary>
    Dirichlet,
}

/// <summary>
/// A parameter the scenario says is uncertain, and how its values are drawn for second-order Monte
/// Carlo (<c>bedflow run --parameter-uncertainty</c>). Immutable.
/// </summary>
/// <param name="Path">The key path in the scenario file, as a variant's <c>set</c> names it; for a route, <c>routing.service</c> or <c>routing.service.group</c>.</param>
/// <param name="Form">How it is drawn.</param>
public sealed record UncertainParameter(string Path, UncertaintyForm Form)
{
    /// <summary>LogNormal: the central value (the draws' median); Uniform: the midpoint.</summary>
    public double Centre { get; init; } = double.NaN;

    /// <summary>LogNormal: the 95% interval's lower end; Uniform: the least value.</summary>
    public double Lower { get; init; } = double.NaN;

    /// <summary>LogNormal: the 95% interval's upper end; Uniform: the greatest value.</summary>
    public double Upper { get; init; } = double.NaN;

    /// <summary>True when the value is a whole number (a capacity): draws are rounded.</summary>
    public bool Whole { get; init; }

    /// <summary>The unit suffix its values are written with (<c>d</c>, <c>/d</c>; empty for a count or a plain number).</summary>
    public string Unit { get; init; } = "";

    /// <summary>Dirichlet: how many patients the shares were observed from.</summary>
    public double Observed { get; init; } = double.NaN;

    /// <summary>Dirichlet: the route's destinations and central shares, in the file's order.</summary>
    public IReadOnlyList<(string To, double Share)> Shares { get; init; } = [];

    /// <summary>The log-scale standard deviation of a lognormal draw.</summary>
    public double LogSd => (Math.Log(Upper) - Math.Log(Lower)) / (2 * 1.959963984540054);

    /// <summary>One draw: a value (in the parameter's units), or for a route its shares (summing to 1).</summary>
    internal DrawnValue Draw(ref Xoshiro256StarStar rng)
    {
        switch (Form)
        {
            case UncertaintyForm.LogNormal:
                double v = Centre * Math.Exp(LogSd * Normal.Sample(ref rng));
                return new DrawnValue(Path, Whole ? Math.Round(v) : v, null);
            case UncertaintyForm.Uniform:
                double u = Lower + ((Upper - Lower) * rng.NextDouble());
                return new DrawnValue(Path, Whole ? Math.Round(u) : u, null);
            default:
                // Dirichlet(N·p) as normalised gammas; a destination of share 0 stays at 0.
                var g = new double[Shares.Count];
                double sum = 0;
                for (int i = 0; i < g.Length; i++)
                {
                    double alpha = Observed * Shares[i].Share;
                    g[i] = alpha > 0 ? Distribution.Gamma(alpha, 1).Sample(ref rng) : 0;
                    sum += g[i];
                }
                var shares = new (string, double)[g.Length];
                for (int i = 0; i < g.Length; i++)
                {
                    shares[i] = (Shares[i].To, sum > 0 ? g[i] / sum : Shares[i].Share);
                }
                return new DrawnValue(Path, double.NaN, shares);
        }
    }

    /// <summary>A value as the scenario file writes it (<c>5.25d</c>, <c>12.3/d</c>, <c>140</c>).</summary>
    public string Text(double value) =>
        (Whole ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.######", CultureInfo.InvariantCulture)) + Unit;
}

/// <summary>One parameter's drawn value: a scalar (<see cref="Value"/>) or a route's shares (<see cref="Shares"/>).</summary>
/// <param name="Path">The parameter's key path.</param>
/// <param name="Value">The value in its units; NaN for a route.</param>
/// <param name="Shares">A route's drawn shares, summing to 1; null for a scalar.</param>
public sealed record DrawnValue(string Path, double Value, IReadOnlyList<(string To, double Share)>? Shares);

/// <summary>The parameters drawn for one replication, in the <c>uncertainty:</c> section's order. Immutable.</summary>
/// <param name="Replication">The replication they are drawn for.</param>
/// <param name="Values">One per uncertain parameter.</param>
public sealed record ParameterDraw(int Replication, IReadOnlyList<DrawnValue> Values)
{
    /// <summary>
    /// Replication <paramref name="replication"/>'s parameters: drawn in the section's order from
    /// their own stream (<see cref="RandomStreams.ForParameters"/>), so they depend on (seed,
    /// replication) alone — not on threads, variants or patients.
    /// </summary>
    public static ParameterDraw For(IReadOnlyList<UncertainParameter> parameters, ulong seed, int replication)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var rng = RandomStreams.ForParameters(seed, replication);
        var values = new DrawnValue[parameters.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = parameters[i].Draw(ref rng);
        }
        return new ParameterDraw(replication, values);
    }
}
