namespace Bedflow.Core.Model;

/// <summary>Whether an arrival may be turned away.</summary>
public enum ArrivalKind
{
    /// <summary>Emergency: never turned away; waits in the queue whatever its limit.</summary>
    Emergency,
    /// <summary>Elective or community: turned away (or diverted) when there is no place and the queue is full.</summary>
    Planned,
}
