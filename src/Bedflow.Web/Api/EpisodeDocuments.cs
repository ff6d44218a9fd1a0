using System.Text.Json.Serialization;

namespace Bedflow.Web.Api;

// The shapes of the patient record and import JSON (docs/web.md): snake_case keys, nulls left out (HubJson).

/// <summary>`GET /api/episodes/{id}`: one episode, its reason history, who changed what; the NHS number for editors only.</summary>
internal sealed record EpisodeDocument(long Episode, long Patient, string Provider, string Service, string Beds, string Admitted, string? Ready, string? Discharged,
    string? Destination, bool Adult, int Version, IReadOnlyList<ReasonDocument> Reasons, IReadOnlyList<ChangeDocument> Changes, string? NhsNumber, string? LocalNumber);

/// <summary>One reason period: from when, the SitRep reason, who is responsible.</summary>
internal sealed record ReasonDocument(string From, string Reason, string Responsible);

/// <summary>One change to the episode from the audit log: when (UTC), who, what.</summary>
internal sealed record ChangeDocument(string AtUtc, string Who, string Action, string Detail);

/// <summary>`PATCH /api/episodes/{id}`'s body: what to record, each part as an extract's column would hold it; absent parts are left as they are.</summary>
internal sealed record EpisodeEditDocument(string? Ready, string? Discharged, string? Destination, string? Reason, string? Responsible, string? ReasonFrom);

/// <summary>`POST /api/imports`: what the import did (rows read, episodes new, updated, unchanged, rows rejected), its problems (line, column, message; NHS numbers masked), and where its rejects are.</summary>
internal sealed record ImportDocument(string File, string Mode, bool Imported, int RowsRead, int Inserted, int Updated, int Unchanged, int RejectedLines,
    IReadOnlyList<ImportProblemDocument> Problems, string? Rejects, string? Failure);

/// <summary>One problem of an import: the line (1 is the header, 0 the whole file), the column, what is wrong.</summary>
internal sealed record ImportProblemDocument(int Line, string Column, string Message);

/// <summary>The source-generated serializer of the patient record and import documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EpisodeDocument))]
[JsonSerializable(typeof(EpisodeEditDocument))]
[JsonSerializable(typeof(ImportDocument))]
internal sealed partial class HubJson : JsonSerializerContext;
