namespace Bedflow.Web.Api;

// The shapes of the API's JSON (docs/web.md). Keys are the snake_case of the property names (WebJson).

/// <summary>`GET /health`: the server is up and its register answers (schema version).</summary>
internal sealed record HealthDocument(string Status, int Schema);

/// <summary>`GET /api/me`: who the request is from.</summary>
internal sealed record MeDocument(string Name, string Role);

/// <summary>`GET /api/audit`: a page of the audit log, newest first.</summary>
internal sealed record AuditPageDocument(int Page, int PageSize, long Total, IReadOnlyList<AuditEntryDocument> Entries);

/// <summary>One audit row: when (UTC, ISO 8601), who, what, which episode (or null), in words.</summary>
internal sealed record AuditEntryDocument(long Id, string AtUtc, string Who, string Action, long? Episode, string Detail);

/// <summary>`GET /api/delays/current`: a page of the patients delayed now, with counts over all the rows the filters keep.</summary>
internal sealed record CurrentDelaysDocument(
    string AsAt, int Page, int PageSize, int Total, string Identifiers,
    OrderedDictionary<string, int> ByReason, OrderedDictionary<string, int> ByOrganisation, OrderedDictionary<string, int> ByBand,
    IReadOnlyList<CurrentDelayDocument> Items);

/// <summary>One patient delayed now; the NHS and local numbers only for editors (left out for viewers).</summary>
internal sealed record CurrentDelayDocument(
    long Patient, long Episode, string Provider, string Service, string Beds, string ReadySince, double DaysDelayed, string Band,
    string Reason, string Responsible, string? NhsNumber, string? LocalNumber);

/// <summary>`POST /api/patients/search`'s body: the NHS number, in the body (never in a URL, where logs and proxies keep it).</summary>
internal sealed record PatientSearchDocument(string? NhsNumber);

/// <summary>The patient an NHS number names, with its episodes.</summary>
internal sealed record PatientDocument(long Patient, string? NhsNumber, IReadOnlyList<PatientEpisodeDocument> Episodes);

/// <summary>One episode of a patient found.</summary>
internal sealed record PatientEpisodeDocument(long Episode, string Provider, string Service, string Admitted, string? Ready, string? Discharged, string? LocalNumber);

/// <summary>`GET /api/users`: a page of the accounts, by name.</summary>
internal sealed record UsersPageDocument(int Page, int PageSize, int Total, IReadOnlyList<UserDocument> Users);

/// <summary>One account: its name, role, when added (UTC), a lock-out in force (UTC) or null, whether it has a token.</summary>
internal sealed record UserDocument(string Name, string Role, string CreatedUtc, string? LockedUntilUtc, bool HasToken);

/// <summary>`POST /api/users`'s body.</summary>
internal sealed record UserAddDocument(string? Name, string? Role, string? Password);

/// <summary>`PATCH /api/users/{name}`'s body: any of a new role, a new password, unlock (true).</summary>
internal sealed record UserChangeDocument(string? Role, string? Password, bool? Unlock);

/// <summary>`POST /api/users/{name}/token`: the new token, shown this once.</summary>
internal sealed record UserTokenDocument(string Name, string Token);
