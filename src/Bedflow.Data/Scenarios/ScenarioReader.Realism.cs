using Bedflow.Core.Model;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Data.Scenarios;

// A service's realism settings: when it admits, escalation beds, starting patients, patient choice, group shares.
internal sealed partial class ScenarioReader
{
    private AcceptanceWindow? ReadWindow(YMap service, string path, ModelPath at)
    {
        Places.Entry(at, service, "accepts", path);
        if (ctx.Map(service["accepts"], path) is not { } m)
        {
            return null;
        }
        Places.Entry(at.Member(nameof(AcceptanceWindow.FromHour)), m, "from", $"{path}.from");
        Places.Entry(at.Member(nameof(AcceptanceWindow.ToHour)), m, "to", $"{path}.to");
        ctx.Keys(m, path, ["days", "from", "to"]);
        var days = new HashSet<DayOfWeek>();
        switch (m["days"])
        {
            case null:
            case YScalar { Value: "every_day" }:
                break;
            case YScalar { Value: "weekdays" }:
                days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
                break;
            case YSeq { Items.Count: 0 } none:
                ctx.Error(none, $"{path}.days", "an empty list of days means the service never admits anyone: list at least one day, such as [mon, tue], or write every_day.");
                break;
            case YSeq seq:
                for (int i = 0; i < seq.Items.Count; i++)
                {
                    if (ctx.Choice(seq.Items[i], $"{path}.days[{i}]", DayWords.Table) is { } d)
                    {
                        days.Add(d);
                    }
                }
                break;
            case var other:
                ctx.Error(other, $"{path}.days", "expected weekdays, every_day, or a list of days such as [mon, tue, wed].");
                break;
        }
        return new AcceptanceWindow { Days = days, FromHour = ctx.Number(m["from"], $"{path}.from") ?? 0, ToHour = ctx.Number(m["to"], $"{path}.to") ?? 24 };
    }

    private Escalation? ReadEscalation(YMap service, string path, ModelPath at)
    {
        Places.Entry(at, service, "escalation", path);
        if (ctx.Map(service["escalation"], path) is not { } m)
        {
            return null;
        }
        Places.Entry(at.Member(nameof(Escalation.Beds)), m, "beds", $"{path}.beds");
        Places.Entry(at.Member(nameof(Escalation.OpenAt)), m, "open_at", $"{path}.open_at");
        Places.Entry(at.Member(nameof(Escalation.CloseBelow)), m, "close_below", $"{path}.close_below");
        ctx.Keys(m, path, ["beds", "open_at", "close_below"], ["beds", "open_at", "close_below"]);
        return (ctx.Integer(m["beds"], $"{path}.beds"), Share(m["open_at"], $"{path}.open_at"), Share(m["close_below"], $"{path}.close_below")) is ({ } b, { } o, { } c)
            ? new Escalation { Beds = b, OpenAt = o, CloseBelow = c }
            : null;
    }

    private StartingState? ReadStart(YMap service, string path, ModelPath at)
    {
        Places.Entry(at, service, "start", path);
        if (ctx.Map(service["start"], path) is not { } m)
        {
            return null;
        }
        Places.Entry(at.Member(nameof(StartingState.Occupied)), m, "occupied", $"{path}.occupied");
        Places.Entry(at.Member(nameof(StartingState.Queued)), m, "queued", $"{path}.queued");
        ctx.Keys(m, path, ["occupied", "queued", "groups"]);
        return new StartingState
        {
            Occupied = ctx.Integer(m["occupied"], $"{path}.occupied") ?? 0,
            Queued = ctx.Integer(m["queued"], $"{path}.queued") ?? 0,
            GroupMix = ReadMix(m, $"{path}.groups", at.Member(nameof(StartingState.GroupMix))),
        };
    }

    private PatientChoice? ReadChoice(YMap service, string path, ModelPath at)
    {
        Places.Entry(at, service, "choice", path);
        if (ctx.Map(service["choice"], path) is not { } m)
        {
            return null;
        }
        Places.Entry(at.Member(nameof(PatientChoice.Share)), m, "share", $"{path}.share");
        Places.Entry(at.Member(nameof(PatientChoice.Wait)), m, "wait", $"{path}.wait");
        Places.Entry(at.Member(nameof(PatientChoice.Cap)), m, "cap", $"{path}.cap");
        Places.Entry(at.Member(nameof(PatientChoice.Responsible)), m, "responsible", $"{path}.responsible");
        ctx.Keys(m, path, ["share", "wait", "cap", "responsible"], ["share", "wait"]);
        var share = Share(m["share"], $"{path}.share");
        var wait = Stay(m["wait"], $"{path}.wait", at.Member(nameof(PatientChoice.Wait)));
        return share is { } s && wait is not null
            ? new PatientChoice { Share = s, Wait = wait, Cap = ctx.Days(m["cap"], $"{path}.cap"), Responsible = ctx.Choice(m["responsible"], $"{path}.responsible", ResponsibilityWords.Table) }
            : null;
    }

    /// <summary>The group shares under <c>groups</c> of <paramref name="parent"/>, each recorded at its key.</summary>
    private Dictionary<string, double> ReadMix(YMap parent, string path, ModelPath at)
    {
        var mix = new Dictionary<string, double>();
        Places.Entry(at, parent, "groups", path);
        if (ctx.Map(parent["groups"], path) is { } m)
        {
            foreach (var (key, value) in m.Entries)
            {
                Places.Add(at.Key(key.Value), key, $"{path}.{key.Value}");
                if (Share(value, $"{path}.{key.Value}") is { } share)
                {
                    mix[key.Value] = share;
                }
            }
        }
        return mix;
    }
}
