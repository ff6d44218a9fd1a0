using System.Globalization;
using Bedflow.Core.Distributions;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Scenarios;

internal sealed partial class ScenarioReader
{
    /// <summary>Sanity limit on a capacity (beds, places, staff or units).</summary>
    internal const int MaxCapacity = 10_000_000;

    private List<ServiceDefinition> ReadServices(YNode? node, List<Intervention> interventions)
    {
        var list = new List<ServiceDefinition>();
        if (ctx.Map(node, "services", required: true) is not { } map)
        {
            return list;
        }
        Places.Add(ModelPath.Root.Member(nameof(Network.Services)), null, "services");
        if (map.Entries.Count == 0)
        {
            ctx.Error(map, "services", "at least one service is needed.");
        }
        foreach (var (key, value) in map.Entries)
        {
            if (key.Value.Contains('.', StringComparison.Ordinal))
            {
                // Variants address keys by dotted paths: services.a.b.capacity would look for 'a'.
                ctx.Error(key, $"services.{key.Value}", $"a service name cannot contain '.': a variant could never set its keys (services.{key.Value}.capacity reads as service '{key.Value.Split('.')[0]}'). Write '{key.Value.Replace('.', '_')}' instead.");
            }
            Places.Add(ModelPath.Service(key.Value), key, $"services.{key.Value}");
            if (ReadService(key.Value, value, interventions) is { } s)
            {
                list.Add(s);
            }
        }
        foreach (var i in interventions)
        {
            foreach (var (service, keyNode, _) in i.Capacity.Where(c => map[c.Service] is null))
            {
                ctx.Error(keyNode, $"interventions.{i.Name}.add_capacity.{service}", $"'{service}' is referenced but not defined as a service.{Suggest.DidYouMean(service, map.Entries.Select(e => e.Key.Value))}");
            }
        }
        return list;
    }

    private ServiceDefinition? ReadService(string name, YNode node, List<Intervention> interventions)
    {
        string path = $"services.{name}";
        if (ctx.Map(node, path, required: true) is not { } m)
        {
            return null;
        }
        ctx.Keys(m, path, ServiceKeys, ["capacity", "length_of_stay"]);
        var at = ModelPath.Service(name);
        // The service's members and the keys they are read from.
        Places.Entry(at.Member(nameof(ServiceDefinition.QueueLimit)), m, "queue_limit", $"{path}.queue_limit");
        Places.Entry(at.Member(nameof(ServiceDefinition.Demand)), m, "demand", $"{path}.demand");
        Places.Entry(at.Member(nameof(ServiceDefinition.Commissioner)), m, "commissioner", $"{path}.commissioner");
        Places.Entry(at.Member(nameof(ServiceDefinition.DelaysResponsible)), m, "delays_responsible", $"{path}.delays_responsible");
        Places.Entry(at.Member(nameof(ServiceDefinition.AllowOverload)), m, "allow_overload", $"{path}.allow_overload");
        var capacity = ReadCapacity(m, $"{path}.capacity", at.Member(nameof(ServiceDefinition.Capacity)), name, interventions);
        var (stay, byGroup) = ReadStays(m, $"{path}.length_of_stay", at);
        int? queueLimit = null;
        if (ctx.Text(m["queue_limit"], $"{path}.queue_limit") is { } ql && ql != "unlimited")
        {
            queueLimit = ctx.Integer(m["queue_limit"], $"{path}.queue_limit");
        }
        if (capacity is null || stay is null)
        {
            return null;
        }
        return new ServiceDefinition
        {
            Name = name,
            Kind = ctx.Choice(m["kind"], $"{path}.kind", ServiceKindWords.Table) ?? ServiceKind.Other,
            Capacity = capacity,
            QueueLimit = queueLimit,
            LengthOfStay = stay,
            LengthOfStayByGroup = byGroup,
            Priority = ctx.Choice(m["priority"], $"{path}.priority", WaitingPriorityWords.Table) ?? WaitingPriority.BlockedFirst,
            MovingOn = ctx.Choice(m["moving_on"], $"{path}.moving_on", MovingOnWords.Table) ?? MovingOn.KeepPlace,
            Role = ctx.Choice(m["role"], $"{path}.role", ServiceRoleWords.Table) ?? ServiceRole.Place,
            Demand = m["demand"] is { } demand ? DistributionReader.Read(ctx, Places, demand, $"{path}.demand", at.Member(nameof(ServiceDefinition.Demand)), inDays: false) : null,
            Accepts = ReadWindow(m, $"{path}.accepts", at.Member(nameof(ServiceDefinition.Accepts))),
            Escalation = ReadEscalation(m, $"{path}.escalation", at.Member(nameof(ServiceDefinition.Escalation))),
            Start = ReadStart(m, $"{path}.start", at.Member(nameof(ServiceDefinition.Start))),
            Commissioner = ctx.Choice(m["commissioner"], $"{path}.commissioner", CommissionerWords.Table),
            DelaysResponsible = ReadResponsible(m["delays_responsible"], $"{path}.delays_responsible", at.Member(nameof(ServiceDefinition.DelaysResponsible))),
            DelayReason = ctx.Choice(m["delay_reason"], $"{path}.delay_reason", DelayReasonWords.Table),
            SitRep = ctx.Choice(m["sitrep"], $"{path}.sitrep", SitRepBedsWords.Table),
            Pathway = ctx.Choice(m["pathway"], $"{path}.pathway", DischargePathwayWords.Table),
            Choice = ReadChoice(m, $"{path}.choice", at.Member(nameof(ServiceDefinition.Choice))),
            AllowOverload = ctx.Flag(m["allow_overload"], $"{path}.allow_overload") ?? false,
        };
    }

    /// <summary>
    /// <c>capacity: 954</c>, <c>unlimited</c>, or <c>{initial: 954, changes: {2016-11-01: 980}}</c>; then every
    /// intervention's <c>add_capacity</c> for this service is added while it is in force (never below 0).
    /// </summary>
    private CapacitySchedule? ReadCapacity(YMap service, string path, ModelPath at, string name, List<Intervention> interventions)
    {
        var node = service["capacity"];
        Places.Entry(at, service, "capacity", path);
        Capacity? initial;
        var changes = new List<(double Day, Capacity Capacity)>();
        var written = new Dictionary<double, (YMap Map, string Key)>();
        if (node is YMap map)
        {
            ctx.Keys(map, path, ["initial", "changes"], ["initial"]);
            Places.Entry(at.Member(nameof(CapacitySchedule.Initial)), map, "initial", $"{path}.initial");
            initial = CapacityValue(map["initial"], $"{path}.initial");
            Places.Entry(at.Member(nameof(CapacitySchedule.Changes)), map, "changes", $"{path}.changes");
            if (ctx.Map(map["changes"], $"{path}.changes") is { } ch)
            {
                foreach (var (key, value) in ch.Entries)
                {
                    var (date, error) = Quantities.Date(key.Value);
                    if (error is not null)
                    {
                        ctx.Error(key, $"{path}.changes.{key.Value}", error);
                    }
                    else if (CapacityValue(value, $"{path}.changes.{key.Value}") is { } c)
                    {
                        changes.Add((Day(date), c));
                        written[Day(date)] = (ch, key.Value);
                    }
                }
            }
        }
        else
        {
            Places.Entry(at.Member(nameof(CapacitySchedule.Initial)), service, "capacity", path);
            initial = CapacityValue(node, path);
        }
        if (initial is not { } first)
        {
            return null;
        }
        var deltas = interventions.SelectMany(i => i.Capacity.Where(c => c.Service == name).Select(c => (i.From, i.To, c.Delta))).ToList();
        if (deltas.Count == 0)
        {
            return PlaceChanges(new CapacitySchedule(first, changes), at, written, path);
        }
        if (first.IsUnlimited || changes.Any(c => c.Capacity.IsUnlimited))
        {
            ctx.Error(node, path, "interventions cannot add capacity to a service with unlimited capacity.");
            return null;
        }
        var baseline = new CapacitySchedule(first, changes);
        var bounds = changes.Select(c => c.Day).Concat(deltas.SelectMany(d => new[] { d.From, d.To })).Distinct().Order();
        Capacity At(double day) => Capacity.Of((int)Math.Clamp(baseline.At(day).Places + deltas.Where(d => d.From <= day && day < d.To).Sum(d => (long)d.Delta), 0, MaxCapacity));
        return PlaceChanges(new CapacitySchedule(first, [.. bounds.Select(b => (b, At(b)))]), at, written, path);
    }

    /// <summary>
    /// Records each change of the schedule (in its day order) at the date written for it; a change
    /// an intervention makes has no date of its own and is placed at the capacity.
    /// </summary>
    private CapacitySchedule PlaceChanges(CapacitySchedule schedule, ModelPath at, Dictionary<double, (YMap Map, string Key)> written, string path)
    {
        for (int i = 0; i < schedule.Changes.Count; i++)
        {
            var change = at.Member(nameof(CapacitySchedule.Changes)).Index(i);
            if (written.TryGetValue(schedule.Changes[i].Day, out var w))
            {
                Places.Entry(change, w.Map, w.Key, $"{path}.changes.{w.Key}");
            }
            else
            {
                Places.Add(change, null, path);
            }
        }
        return schedule;
    }

    private Capacity? CapacityValue(YNode? node, string path)
    {
        if (node is YScalar { Value: "unlimited" })
        {
            return Capacity.Unlimited;
        }
        // A number too large for a whole number (1e12, 20000000000) is still a capacity over the limit, not "not a number".
        if (node is YScalar { Value: var text } && !int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _)
            && Quantities.Number(text) is (> MaxCapacity, null))
        {
            ctx.Error(node, path, $"capacity can be at most {MaxCapacity:N0} (write unlimited for no limit), but was {text}.");
            return null;
        }
        int? value = ctx.Integer(node, path);
        if (value < 0)
        {
            ctx.Error(node, path, $"capacity must be at least 0, but was {value}.");
            return null;
        }
        if (value > MaxCapacity)
        {
            ctx.Error(node, path, $"capacity can be at most {MaxCapacity:N0} (write unlimited for no limit), but was {value:N0}.");
            return null;
        }
        return value is { } places ? Capacity.Of(places) : null;
    }

    /// <summary><c>length_of_stay: {lognormal: …}</c>, or by group: <c>{default: {…}, frail: {…}}</c>.</summary>
    private (Distribution? Stay, Dictionary<string, Distribution> ByGroup) ReadStays(YMap service, string path, ModelPath at)
    {
        var node = service["length_of_stay"];
        var stayAt = Places.Entry(at.Member(nameof(ServiceDefinition.LengthOfStay)), service, "length_of_stay", path);
        var byGroupAt = Places.Entry(at.Member(nameof(ServiceDefinition.LengthOfStayByGroup)), service, "length_of_stay", path);
        var byGroup = new Dictionary<string, Distribution>();
        if (node is YMap map && map.Entries.Count > 0 && !DistributionReader.Families.Contains(map.Entries[0].Key.Value)
            && (map["default"] is not null || map.Entries.Any(e => _groups.Contains(e.Key.Value))))
        {
            Distribution? fallback = null;
            foreach (var (key, value) in map.Entries)
            {
                var groupAt = Places.Entry(key.Value == "default" ? stayAt : byGroupAt.Key(key.Value), map, key.Value, $"{path}.{key.Value}");
                var d = Stay(value, $"{path}.{key.Value}", groupAt);
                if (key.Value == "default")
                {
                    fallback = d;
                }
                else if (!_groups.Contains(key.Value))
                {
                    ctx.Error(key, $"{path}.{key.Value}", $"'{key.Value}' is not a patient group (groups: {string.Join(", ", _groups)}).{Suggest.DidYouMean(key.Value, _groups)}");
                }
                else if (d is not null)
                {
                    byGroup[key.Value] = d;
                }
            }
            fallback ??= _groups.All(byGroup.ContainsKey) ? byGroup[_groups[0]] : null;
            if (fallback is null)
            {
                ctx.Error(map, path, $"give a 'default' length of stay, or one for every group ({string.Join(", ", _groups)}).");
            }
            return (fallback, byGroup);
        }
        if (node is null)
        {
            return (null, byGroup);
        }
        return (Stay(node, path, stayAt), byGroup);
    }

    /// <summary>
    /// <c>delays_responsible: social_care</c>, or shares of organisations,
    /// <c>{nhs: 40%, social_care: 30%, both: 30%}</c> (the validator checks the shares and the SitRep's pairs).
    /// </summary>
    private ResponsibilityMix? ReadResponsible(YNode? node, string path, ModelPath at)
    {
        if (node is not YMap)
        {
            return ctx.Choice(node, path, ResponsibilityWords.Table) is { } one ? ResponsibilityMix.Of(one) : null;
        }
        var m = ctx.Map(node, path)!;
        var shares = new List<ResponsibilityShare>();
        Responsibility? rest = null;
        int restIndex = -1;
        foreach (var (key, value) in m.Entries)
        {
            Places.Add(at.Key(key.Value), key, $"{path}.{key.Value}");
            var who = ctx.Choice(key, $"{path}.{key.Value}", ResponsibilityWords.Table);
            if (value is YScalar { Value: "rest" })
            {
                // The one organisation that takes what the others leave (so one share can be varied or calibrated alone).
                if (rest is not null)
                {
                    ctx.Error(value, $"{path}.{key.Value}", "only one organisation can take the rest.");
                }
                else if (who is { } r)
                {
                    rest = r;
                    restIndex = shares.Count;
                    shares.Add(new ResponsibilityShare(r, 0));
                }
            }
            else if (Share(value, $"{path}.{key.Value}") is { } share && who is { } w)
            {
                shares.Add(new ResponsibilityShare(w, share));
            }
        }
        if (m.Entries.Count == 0)
        {
            ctx.Error(node, path, "give one organisation (nhs, social_care, both) or shares of them, e.g. {nhs: 60%, both: 40%} or {both: 40%, nhs: rest}.");
        }
        if (rest is { } taker)
        {
            double others = shares.Where((_, i) => i != restIndex).Sum(x => x.Share);
            if (others > 1 + 1e-9)
            {
                var (key, value) = m.Entries.First(e => e.Value is YScalar { Value: "rest" });
                ctx.Error(value, $"{path}.{key.Value}", string.Create(CultureInfo.InvariantCulture, $"the other shares add up to {others * 100:0.##}%, so there is no rest for {ResponsibilityWords.Phrase(taker)}: they can add up to 100% at most."));
                return null;
            }
            shares[restIndex] = new ResponsibilityShare(taker, Math.Max(0, 1 - others));
        }
        return shares.Count > 0 ? ResponsibilityMix.Of(shares) : null;
    }
}
