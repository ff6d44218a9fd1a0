namespace Bedflow.Core.Model;

/// <summary>Constants for capacities (beds, places or staff).</summary>
public static class Capacity
{
    /// <summary>No limit: an infinite-server service (a delay, such as time at home).</summary>
    public const int Unlimited = int.MaxValue;
}
