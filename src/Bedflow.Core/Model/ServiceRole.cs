namespace Bedflow.Core.Model;

/// <summary>How a patient uses a service.</summary>
public enum ServiceRole
{
    /// <summary>The patient takes one of its places (a bed, a care-home place, a home-care package) and leaves the place it held before.</summary>
    Place,

    /// <summary>
    /// A non-bed resource (assessors, equipment): the patient keeps the bed it holds while it
    /// waits for and receives the resource, and is counted as blocked there all the while.
    /// </summary>
    Resource,
}
