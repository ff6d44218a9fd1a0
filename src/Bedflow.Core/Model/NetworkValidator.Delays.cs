using System.Globalization;
using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Model;

internal static partial class NetworkValidator
{
    /// <summary>Delay settings: reason × organisation pairs allowed by the SitRep (domain.md §2), choice, groups, exits.</summary>
    private static void CheckDelays(Network network, HashSet<string> groups, HashSet<string> exits, Action<ModelPath, string> add)
    {
        if (network.LeadCommissioner == Responsibility.Both)
        {
            add(ModelPath.Root.Member(nameof(Network.LeadCommissioner)), "the lead commissioner must be the NHS or social care, not both.");
        }
        foreach (var s in network.Services)
        {
            var path = ModelPath.Service(s.Name);
            var d = ServiceDelays.For(s, network.LeadCommissioner);
            var responsibleAt = path.Member(s.DelaysResponsible is null ? nameof(ServiceDefinition.Commissioner) : nameof(ServiceDefinition.DelaysResponsible));
            foreach (var who in d.Mix.Shares.Select(x => x.Who).Distinct().Where(o => !SitRep.Allows(d.Reason, o)))
            {
                add(d.Mix.IsSingle ? responsibleAt : responsibleAt.Key(ResponsibilityWords.Code(who)),
                    $"reason {DelayReasonWords.Code(d.Reason)} ({DelayReasonWords.Description(d.Reason)}) cannot be the responsibility of {ResponsibilityWords.Phrase(who)} in the SitRep; allowed: {string.Join(", ", SitRep.Responsibilities.Where(o => SitRep.Allows(d.Reason, o)).Select(ResponsibilityWords.Phrase))}.");
            }
            if (!d.Mix.IsSingle)
            {
                CheckShares(d.Mix, responsibleAt, add);
            }
            if (s.Choice is { } choice)
            {
                var at = path.Member(nameof(ServiceDefinition.Choice));
                if (!(choice.Share >= 0 && choice.Share <= 1))
                {
                    add(at.Member(nameof(PatientChoice.Share)), string.Create(CultureInfo.InvariantCulture, $"the share of patients who wait for their choice must be between 0 and 1, but was {Preconditions.Show(choice.Share)}."));
                }
                if (choice.Cap is { } cap && !(cap >= 0 && double.IsFinite(cap)))
                {
                    add(at.Member(nameof(PatientChoice.Cap)), string.Create(CultureInfo.InvariantCulture, $"the cap on a choice wait must be a finite number of days ≥ 0, but was {Preconditions.Show(cap)}."));
                }
                if (!SitRep.Allows(DelayReason.G, d.ChoiceResponsible))
                {
                    add(at.Member(nameof(PatientChoice.Responsible)), $"reason G (patient or family choice) cannot be the responsibility of {ResponsibilityWords.Phrase(d.ChoiceResponsible)} in the SitRep.");
                }
                if (s.Role == ServiceRole.Resource)
                {
                    add(at, "patients choose a place, not a resource: choice belongs to the bed-based service they move to.");
                }
            }
        }
        foreach (string g in network.ChildGroups)
        {
            if (!groups.Contains(g))
            {
                add(ModelPath.Root.Member(nameof(Network.ChildGroups)).Key(g), $"'{g}' is not a patient group (groups: {string.Join(", ", network.Groups)}).");
            }
        }
        foreach (string e in network.ExitPathways.Keys)
        {
            if (!exits.Contains(e))
            {
                add(ModelPath.Root.Member(nameof(Network.ExitPathways)).Key(e), $"'{e}' is not an exit (exits: {string.Join(", ", network.Exits)}).");
            }
        }
        if (network.Population is { } pop && (pop.Adults <= 0 || pop.Total < pop.Adults))
        {
            add(ModelPath.Root.Member(nameof(Network.Population)), $"adults must be more than 0 and at most the total, but were {pop.Adults} of {pop.Total}.");
        }
    }

    /// <summary>Shares of delays between organisations: each finite and 0 to 1, each organisation once, together 1.</summary>
    private static void CheckShares(ResponsibilityMix mix, ModelPath at, Action<ModelPath, string> add)
    {
        foreach (var s in mix.Shares)
        {
            if (!(s.Share >= 0 && s.Share <= 1))
            {
                add(at.Key(ResponsibilityWords.Code(s.Who)), string.Create(CultureInfo.InvariantCulture, $"a share of delays must be between 0 and 1 (or 0% and 100%), but was {Preconditions.Show(s.Share)}."));
            }
        }
        foreach (var twice in mix.Shares.GroupBy(s => s.Who).Where(g => g.Count() > 1))
        {
            add(at.Key(ResponsibilityWords.Code(twice.Key)), $"{ResponsibilityWords.Phrase(twice.Key)} is given a share more than once.");
        }
        double total = mix.Shares.Sum(s => s.Share);
        if (mix.Shares.All(s => s.Share >= 0 && s.Share <= 1) && Math.Abs(total - 1) > 1e-6)
        {
            add(at, string.Create(CultureInfo.InvariantCulture, $"the shares of delays must add up to 100%, but add up to {total * 100:0.##}%."));
        }
    }
}
