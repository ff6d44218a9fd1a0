using Bedflow.Core.Delays;

namespace Bedflow.Core.Calibration;

/// <summary>
/// One stay read from a register, with the patient it belongs to as the register's own
/// pseudonymous key (never an NHS number): what links a patient's stays into a path through the
/// services. Immutable.
/// </summary>
/// <param name="Patient">The register's key of the patient.</param>
/// <param name="Stay">The stay.</param>
public sealed record ObservedStay(long Patient, DelayRecord Stay);
