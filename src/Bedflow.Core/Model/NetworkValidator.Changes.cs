using System.Globalization;

namespace Bedflow.Core.Model;

internal static partial class NetworkValidator
{
    /// <summary>Routing and length-of-stay changes: valid windows, known names, valid routes, no overlaps.</summary>
    private static void CheckTimedChanges(Network network, HashSet<string> services, HashSet<string> exits, HashSet<string> groups, Action<ModelPath, string> add)
    {
        for (int k = 0; k < network.RoutingChanges.Count; k++)
        {
            var c = network.RoutingChanges[k];
            var path = ModelPath.RoutingChange(k);
            CheckWindow(c.From, c.To, path, add);
            CheckRoute(c.Route, path.Member(nameof(RoutingChange.Route)), services, exits, groups, add, twice: false);
            for (int j = 0; j < k; j++)
            {
                var o = network.RoutingChanges[j];
                if (o.Route.From == c.Route.From && o.Route.Group == c.Route.Group && Overlaps(o.From, o.To, c.From, c.To))
                {
                    add(path, $"changes the routing out of '{c.Route.From}' while {ModelPath.RoutingChange(j)} also does: give one change per service and group at a time.");
                }
            }
        }
        for (int k = 0; k < network.StayChanges.Count; k++)
        {
            var c = network.StayChanges[k];
            var path = ModelPath.StayChange(k);
            CheckWindow(c.From, c.To, path, add);
            if (!services.Contains(c.Service))
            {
                add(path.Member(nameof(StayChange.Service)), $"'{c.Service}' is referenced but not defined as a service.");
            }
            if (c.Group is not null && !groups.Contains(c.Group))
            {
                add(path.Member(nameof(StayChange.Group)), $"'{c.Group}' is not a patient group.");
            }
            if (c.LengthOfStay.Minimum < 0)
            {
                add(path.Member(nameof(StayChange.LengthOfStay)), $"length of stay can be negative ({c.LengthOfStay}).");
            }
            for (int j = 0; j < k; j++)
            {
                var o = network.StayChanges[j];
                if (o.Service == c.Service && (o.Group is null || c.Group is null || o.Group == c.Group) && Overlaps(o.From, o.To, c.From, c.To))
                {
                    add(path, $"changes the length of stay of '{c.Service}' while {ModelPath.StayChange(j)} also does: give one change per service and group at a time.");
                }
            }
        }
    }

    /// <summary>A change's days (<see cref="RoutingChange.From"/>, <see cref="RoutingChange.To"/>, the same for stay changes): said at its end day.</summary>
    private static void CheckWindow(double from, double to, ModelPath change, Action<ModelPath, string> add)
    {
        if (!double.IsFinite(from) || !double.IsFinite(to) || !(to > from))
        {
            add(change.Member(nameof(RoutingChange.To)), string.Create(CultureInfo.InvariantCulture, $"a change must end after it starts, but runs from day {from} to day {to}."));
        }
    }

    private static bool Overlaps(double a0, double a1, double b0, double b1) => a0 < b1 && b0 < a1;
}
