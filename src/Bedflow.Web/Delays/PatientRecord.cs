using System.Globalization;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Audit;
using Bedflow.Data.Register;
using Bedflow.Web.Api;

namespace Bedflow.Web.Delays;

/// <summary>
/// One episode as the patient page and the API show it: the record, its reason history, who changed
/// what (from the audit log), and for an editor who the patient is — the view audited first.
/// </summary>
internal sealed class PatientRecord(DelayRegister register, AuditLog audit)
{
    /// <summary>The episode's document, or null when there is none.</summary>
    public async Task<EpisodeDocument?> ReadAsync(long episode, string who, bool identifiable, string where, CancellationToken cancel)
    {
        var e = await register.EpisodeAsync(episode, cancel);
        return e is null ? null : await DocumentAsync(e, who, identifiable, where, cancel);
    }

    /// <summary>The document of an episode read (or just written).</summary>
    public async Task<EpisodeDocument> DocumentAsync(EpisodeRecord e, string who, bool identifiable, string where, CancellationToken cancel)
    {
        string? nhs = null, local = null;
        if (identifiable && register.CanShowIdentifiers)
        {
            await audit.WriteAsync(who, "viewed identifiers", e.Episode, where, cancel);
            (nhs, local) = (await register.IdentifiersAsync([e.Episode], cancel)).GetValueOrDefault(e.Episode);
        }
        var changes = (await audit.EpisodeAsync(e.Episode, cancel)).Where(a => a.Action != "viewed identifiers");
        return new EpisodeDocument(e.Episode, e.Patient, e.Provider, e.Service, SitRepCodes.Code(e.Beds), T(e.Admitted)!, T(e.Ready), T(e.Discharged), e.Destination, e.Adult, e.Version,
            [.. e.Reasons.Select(r => new ReasonDocument(T(r.From)!, SitRepCodes.Code(r.Reason), ResponsibilityWords.ExtractColumn(r.Responsible)))],
            [.. changes.Select(a => new ChangeDocument(a.AtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), a.Who, a.Action, a.Detail))], nhs, local);
    }

    /// <summary>A time as the API writes it.</summary>
    public static string? T(DateTime? t) => t?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
