using Bedflow.Core.Distributions;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Model;

/// <summary>A fluent way to build a <see cref="Network"/> in code (tests, examples, benchmarks).</summary>
public sealed class NetworkBuilder
{
    private readonly List<ServiceDefinition> _services = [];
    private readonly List<ArrivalStreamDefinition> _arrivals = [];
    private readonly List<RouteDefinition> _routes = [];
    private readonly List<string> _exits = ["home"];
    private List<string> _groups = ["all"];
    private DateOnly _start = new(2016, 4, 1);

    /// <summary>Sets the calendar date of day 0.</summary>
    public NetworkBuilder StartingOn(DateOnly date)
    {
        _start = date;
        return this;
    }

    /// <summary>Sets the patient groups (the first is the default).</summary>
    public NetworkBuilder Groups(params string[] groups)
    {
        _groups = [.. groups];
        return this;
    }

    /// <summary>Adds exits besides "home".</summary>
    public NetworkBuilder Exits(params string[] exits)
    {
        _exits.AddRange(exits);
        return this;
    }

    /// <summary>Adds a service.</summary>
    public NetworkBuilder Service(ServiceDefinition service)
    {
        _services.Add(service);
        return this;
    }

    /// <summary>Adds a service with the common settings.</summary>
    public NetworkBuilder Service(string name, CapacitySchedule capacity, Distribution lengthOfStay, int? queueLimit = null,
        ServiceKind kind = ServiceKind.Other, MovingOn movingOn = MovingOn.KeepPlace, WaitingPriority priority = WaitingPriority.BlockedFirst) =>
        Service(new ServiceDefinition
        {
            Name = name,
            Kind = kind,
            Capacity = capacity,
            LengthOfStay = lengthOfStay,
            QueueLimit = queueLimit,
            MovingOn = movingOn,
            Priority = priority,
        });

    /// <summary>Adds an arrival stream.</summary>
    public NetworkBuilder Arrivals(ArrivalStreamDefinition stream)
    {
        _arrivals.Add(stream);
        return this;
    }

    /// <summary>Adds an arrival stream with a constant or time-varying rate.</summary>
    public NetworkBuilder Arrivals(string name, string service, ArrivalRate rate, ArrivalKind kind = ArrivalKind.Emergency, string? divertTo = null) =>
        Arrivals(new ArrivalStreamDefinition { Name = name, Service = ServiceId.Of(service), Rate = rate, Kind = kind, DivertTo = divertTo is null ? null : ServiceId.Of(divertTo) });

    /// <summary>Routes every group leaving <paramref name="from"/>.</summary>
    public NetworkBuilder Route(string from, params (string To, double Probability)[] destinations)
    {
        _routes.Add(new RouteDefinition { From = from, Destinations = destinations });
        return this;
    }

    /// <summary>Routes everyone leaving <paramref name="from"/> to one place.</summary>
    public NetworkBuilder Route(string from, string to) => Route(from, (to, 1.0));

    /// <summary>Routes one group leaving <paramref name="from"/>.</summary>
    public NetworkBuilder RouteGroup(string from, string group, params (string To, double Probability)[] destinations)
    {
        _routes.Add(new RouteDefinition { From = from, Group = group, Destinations = destinations });
        return this;
    }

    /// <summary>The network as built so far (not yet validated).</summary>
    public Network Build() => new()
    {
        StartDate = _start,
        Groups = [.. _groups],
        Services = [.. _services],
        Arrivals = [.. _arrivals],
        Routes = [.. _routes],
        Exits = [.. _exits],
    };
}
