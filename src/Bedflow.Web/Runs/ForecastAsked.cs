namespace Bedflow.Web.Runs;

/// <summary>
/// What a forecast run was asked for (<see cref="RunRecord.Forecast"/>): the moment of the
/// register's census it starts from, the days ahead, the replications and the variants (the
/// baseline first). Immutable.
/// </summary>
/// <param name="AsOf">The moment, "yyyy-MM-dd HH:mm" (local clock time, as the register's).</param>
/// <param name="Days">Days ahead (1 to <see cref="Core.Forecasting.ForecastSettings.MaxDays"/>).</param>
/// <param name="Replications">Replications of each variant.</param>
/// <param name="Variants">The variants forecast, by name, the baseline first.</param>
public sealed record ForecastAsked(string AsOf, int Days, int Replications, IReadOnlyList<string> Variants);
