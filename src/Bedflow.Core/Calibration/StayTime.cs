namespace Bedflow.Core.Calibration;

/// <summary>A stay's time from admission to ready for transfer, in days: observed, or right-censored (still not ready when the data end).</summary>
/// <param name="Days">The time, in days (&gt; 0).</param>
/// <param name="Censored">True when the patient was not yet ready: the time to ready is longer than <paramref name="Days"/>.</param>
public readonly record struct StayTime(double Days, bool Censored);
