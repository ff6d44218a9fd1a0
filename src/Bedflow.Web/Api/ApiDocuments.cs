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
