namespace Bedflow.Core.Model;

/// <summary>What a patient does with its place when it is ready to move on and the next service is full.</summary>
public enum MovingOn
{
    /// <summary>
    /// Blocking after service (default): the patient keeps its place until the next service takes it.
    /// The acute bed *is* the queue for a care home.
    /// </summary>
    KeepPlace,

    /// <summary>
    /// The patient gives up its place and joins the next service's queue, as a patient at home would;
    /// if that queue is full it keeps its place after all and waits as a blocked patient.
    /// </summary>
    ReleasePlace,
}
