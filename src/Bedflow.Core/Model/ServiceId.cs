namespace Bedflow.Core.Model;

/// <summary>
/// Which service: the name it has in its network (<see cref="ServiceDefinition.Name"/>), compared
/// ordinally ("acute" is not "Acute"). Immutable. An id says which service is meant, not that the
/// network has it: the validator reports an id that names no service as a problem at its path.
/// The default value names no service (its <see cref="Name"/> is empty).
/// </summary>
/// <remarks>
/// Inside the engine a service is its index in the compiled network; an id is for the public
/// API (arrival streams, results), where an index would depend on the order services were listed.
/// </remarks>
public readonly record struct ServiceId : IComparable<ServiceId>, IComparable
{
    private readonly string? _name;

    private ServiceId(string name) => _name = name;

    /// <summary>The service's name ("acute").</summary>
    public string Name => _name ?? "";

    /// <summary>The service named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static ServiceId Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new ServiceId(name);
    }

    /// <summary>The same service: the same name, character for character.</summary>
    public bool Equals(ServiceId other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>The name, as written in the scenario ("acute").</summary>
    public override string ToString() => Name;

    /// <summary>Orders by name, ordinally.</summary>
    public int CompareTo(ServiceId other) => string.CompareOrdinal(Name, other.Name);

    /// <summary>Orders by name; any id follows null.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="ServiceId"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        ServiceId other => CompareTo(other),
        _ => throw new ArgumentException($"a ServiceId compares only with another, not a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Whether <paramref name="left"/>'s name comes first, ordinally.</summary>
    public static bool operator <(ServiceId left, ServiceId right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/>'s name comes later, ordinally.</summary>
    public static bool operator >(ServiceId left, ServiceId right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/>'s name comes first or is the same.</summary>
    public static bool operator <=(ServiceId left, ServiceId right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/>'s name comes later or is the same.</summary>
    public static bool operator >=(ServiceId left, ServiceId right) => left.CompareTo(right) >= 0;
}
