using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Model;

/// <summary>
/// A service's delay settings with every default filled in: whether its beds count, the reason
/// and responsible organisation of patients waiting for it, the reason-G organisation for its
/// choice waits, and the pathway of a discharge to it. Immutable.
/// </summary>
/// <param name="Beds">Whether its beds count for the SitRep.</param>
/// <param name="Reason">The reason of patients waiting in a bed for it.</param>
/// <param name="Responsible">Who is responsible for those delays (the largest share when they are shared, <see cref="Mix"/>).</param>
/// <param name="ChoiceResponsible">Who is responsible for choice (G) delays waiting for it.</param>
/// <param name="Pathway">The discharge pathway of a move from a SitRep bed to it; null = not a discharge.</param>
public sealed record ServiceDelays(SitRepBeds Beds, DelayReason Reason, Responsibility Responsible, Responsibility ChoiceResponsible, DischargePathway? Pathway)
{
    /// <summary>Who is responsible for those delays, with shares when more than one organisation is (one organisation, <see cref="Responsible"/>, otherwise).</summary>
    public ResponsibilityMix Mix { get; init; } = Responsible;

    /// <summary>
    /// The organisation responsible for one patient's wait for this service: <see cref="Responsible"/>
    /// when one organisation is, else the one its own draw (<see cref="Randomness.RandomStreams.ForAttribution"/>) picks from the shares.
    /// </summary>
    public Responsibility ResponsibleFor(ulong seed, int replication, int stream, long patient, int visit) =>
        Mix.IsSingle ? Responsible : Mix.Pick(Randomness.RandomStreams.ForAttribution(seed, replication, stream, patient, visit));

    /// <summary>Resolves every service of the network, in service order.</summary>
    public static IReadOnlyList<ServiceDelays> For(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return [.. network.Services.Select(s => For(s, network.LeadCommissioner))];
    }

    /// <summary>Resolves one service, given the network's lead commissioner.</summary>
    public static ServiceDelays For(ServiceDefinition service, Responsibility leadCommissioner)
    {
        ArgumentNullException.ThrowIfNull(service);
        var commissioner = service.Commissioner ?? SitRep.CommissionerFor(service.Kind);
        var mix = service.DelaysResponsible ?? commissioner switch
        {
            Commissioner.Nhs => Responsibility.Nhs,
            Commissioner.SocialCare => Responsibility.SocialCare,
            _ => leadCommissioner,
        };
        var responsible = mix.Main;
        // G cannot be "Both" (domain.md §2): a joint service's choice delays fall to the lead commissioner.
        var choice = service.Choice?.Responsible ?? (responsible == Responsibility.Both ? leadCommissioner : responsible);
        return new ServiceDelays(
            service.SitRep ?? SitRep.BedsFor(service.Kind),
            service.DelayReason ?? SitRep.ReasonFor(service.Kind),
            responsible,
            choice,
            service.Pathway ?? SitRep.PathwayFor(service.Kind))
        {
            Mix = mix,
        };
    }
}
