using Bedflow.Data.Audit;
using Bedflow.Data.Register;

namespace Bedflow.Web.Delays;

/// <summary>What a search by NHS number found.</summary>
internal enum FindStatus
{
    /// <summary>The patient and their episodes.</summary>
    Found,

    /// <summary>The register holds no patient with that number.</summary>
    NotFound,

    /// <summary>The text is not a valid NHS number (ten digits, modulus 11).</summary>
    Invalid,

    /// <summary>The server has no hash key: it cannot search.</summary>
    NoKey,
}

/// <summary>A search's answer: the patient, the number searched (digits), the episodes with their local numbers where they may be shown.</summary>
internal sealed record FoundPatient(FindStatus Status, long? Patient, string? Digits, IReadOnlyList<(PatientEpisode Episode, string? LocalNumber)> Episodes);

/// <summary>
/// A search by NHS number, for the API and the hub's page alike: through the register's keyed hash
/// (the number itself is never stored in clear nor searched for), the search audited whatever it
/// finds, and each identifier shown audited before it is read.
/// </summary>
internal sealed class PatientFinder(DelayRegister register, AuditLog audit, WebOptions options)
{
    public async Task<FoundPatient> FindAsync(string? nhsNumber, string who, string where, CancellationToken cancel)
    {
        if (NhsNumber.Normalise(nhsNumber) is not { } digits)
        {
            return new FoundPatient(FindStatus.Invalid, null, null, []);
        }
        if (options.HashKey is not { } key)
        {
            return new FoundPatient(FindStatus.NoKey, null, digits, []);
        }
        long? patient = await register.FindPatientAsync(digits, key, cancel);
        await audit.WriteAsync(who, "searched by NHS number", (long?)null, patient is null ? $"{NhsNumber.Mask(digits)}: no patient" : $"{NhsNumber.Mask(digits)}: patient {patient}", cancel);
        if (patient is null)
        {
            return new FoundPatient(FindStatus.NotFound, null, digits, []);
        }
        var episodes = await register.PatientEpisodesAsync(patient.Value, cancel);
        IReadOnlyDictionary<long, (string? NhsNumber, string? LocalNumber)> ids = new Dictionary<long, (string?, string?)>();
        if (register.CanShowIdentifiers && episodes.Count > 0)
        {
            await audit.WriteAsync(who, "viewed identifiers", [.. episodes.Select(e => (long?)e.Episode)], where, cancel);
            ids = await register.IdentifiersAsync([.. episodes.Select(e => e.Episode)], cancel);
        }
        return new FoundPatient(FindStatus.Found, patient, digits, [.. episodes.Select(e => (e, ids.TryGetValue(e.Episode, out var i) ? i.LocalNumber : null))]);
    }
}
