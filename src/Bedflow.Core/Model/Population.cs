
namespace Bedflow.Core.Model;

/// <summary>The population a health economy serves, for rates per head. Immutable.</summary>
/// <param name="Total">All residents.</param>
/// <param name="Adults">Residents aged 18 and over (the SitRep's denominator).</param>
public sealed record Population(int Total, int Adults);
