using Bedflow.Data.Register;

namespace Bedflow.Web.Imports;

/// <summary>
/// What a web import did: the register's own report (its problems naming the uploaded file, NHS
/// numbers masked), the mode, and the id of its kept rejects file (null when there is none).
/// </summary>
internal sealed record ImportOutcome(string File, bool SkipInvalid, ImportReport Report, string? RejectsId)
{
    /// <summary>There were rejects, but the register stayed busy too long to keep them: no download (the import itself stands as reported).</summary>
    public bool RejectsNotKept { get; init; }

    /// <summary>The import could not run for a reason outside the file (the register busy or failing): nothing was written.</summary>
    public bool ServerFailure => !Report.Imported && Report.Failure is not null;

    /// <summary>"all_or_nothing" or "skip_invalid", as the form and the API say it.</summary>
    public string Mode => SkipInvalid ? ExtractUpload.SkipInvalid : ExtractUpload.AllOrNothing;
}
