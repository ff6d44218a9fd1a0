using System.Globalization;
using Bedflow.Data.Audit;
using Bedflow.Data.Imports;
using Bedflow.Data.Register;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bedflow.Web.Imports;

/// <summary>
/// An uploaded extract imported exactly as `bedflow register import` imports a file: the upload is
/// copied to a private temporary folder, <see cref="DelayRegister.ImportAsync(string, byte[], string, bool, string?, bool, CancellationToken)"/>
/// checks and writes it (all or nothing, or skipping bad rows into its masked rejects file — written
/// for a refused all-or-nothing import too), the rejects are kept in the register for download (<see cref="RejectsStore"/>), the folder is deleted, and the upload is audited.
/// </summary>
internal sealed class ExtractUpload(DelayRegister register, AuditLog audit, WebOptions options, RejectsStore rejects) : IDisposable
{
    /// <summary>How long keeping an import's rejects may wait for the register (another writer holding it) before the link is given up.</summary>
    public static readonly TimeSpan RejectsWait = TimeSpan.FromSeconds(30);

    /// <summary>The largest extract accepted, in bytes (16 MB: some 120,000 rows).</summary>
    public const long MaxBytes = 16L << 20;

    /// <summary>The largest request an import may be (the extract and the form around it).</summary>
    public const long MaxRequest = MaxBytes + (64 << 10);

    /// <summary>The mode that imports nothing if any row is bad (the default).</summary>
    public const string AllOrNothing = "all_or_nothing";

    /// <summary>The mode that imports the good episodes and keeps the bad rows as rejects.</summary>
    public const string SkipInvalid = "skip_invalid";

    /// <summary>How long an import may wait for the register (another import holding it) before it is given up.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    /// <summary>How many uploads are read and imported at once (each is held in memory while it is).</summary>
    public const int MaxAtOnce = 2;

    /// <summary>How long an upload waits for one of the <see cref="MaxAtOnce"/> places before it is refused (503): 30 s (tests shorten it).</summary>
    public TimeSpan PlaceWait { get; set; } = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _places = new(MaxAtOnce, MaxAtOnce);

    /// <summary>True when the server can import (it has the register's HMAC key).</summary>
    public bool Available => options.HashKey is not null;

    /// <summary>The mode a form or request names: true to skip invalid rows, false for all or nothing, null when it names neither.</summary>
    public static bool? ParseMode(string? mode) => mode switch
    {
        null or "" or AllOrNothing => false,
        SkipInvalid => true,
        _ => null,
    };

    /// <summary>
    /// Waits (up to <see cref="PlaceWait"/>) for a place to read and import an upload; false when
    /// none came free. A caller given one calls <see cref="Leave"/> when done.
    /// </summary>
    public Task<bool> EnterAsync(CancellationToken cancel) => _places.WaitAsync(PlaceWait, cancel);

    /// <summary>Gives back the place <see cref="EnterAsync"/> gave.</summary>
    public void Leave() => _places.Release();

    /// <summary>Frees the places (the server is stopping).</summary>
    public void Dispose() => _places.Dispose();

    /// <summary>
    /// Reads an upload's form wholly in memory (at most <see cref="MaxRequest"/> bytes), so that no
    /// copy of an extract in clear is buffered in the machine's shared temporary folder. Throws
    /// <see cref="BadHttpRequestException"/> (413) or <see cref="InvalidDataException"/> when it is too large.
    /// </summary>
    public static Task<IFormCollection> ReadFormAsync(HttpContext http)
    {
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            MemoryBufferThreshold = (int)MaxRequest,
            MultipartBodyLengthLimit = MaxRequest,
            ValueCountLimit = 16,
        }));
        return http.Request.ReadFormAsync(http.RequestAborted);
    }

    /// <summary>True when reading the form failed because the upload is larger than <see cref="MaxRequest"/>.</summary>
    public static bool TooLarge(Exception e) =>
        e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase));

    /// <summary>Imports <paramref name="file"/> as <paramref name="who"/>; the caller has a place (<see cref="EnterAsync"/>) and has checked <see cref="Available"/> and the size.</summary>
    public async Task<ImportOutcome> ImportAsync(IFormFile file, bool skipInvalid, string who, CancellationToken cancel)
    {
        byte[] key = options.HashKey ?? throw new InvalidOperationException("the server has no register key");
        string name = DisplayName(file.FileName);
        string folder = Path.Combine(Path.GetTempPath(), $"bedflow-import-{Guid.NewGuid():N}");
        // The upload holds NHS numbers in clear until it is read: a folder only this user can enter.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        try
        {
            string extract = Path.Combine(folder, "extract.csv");
            string rejectsFile = Path.Combine(folder, "rejects.csv");
            await using (var target = new FileStream(extract, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, FileOptions.Asynchronous))
            {
                await file.CopyToAsync(target, cancel);
            }
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            bounded.CancelAfter(MaxWait);
            ImportReport report;
            try
            {
                report = await register.ImportAsync(extract, key, who, skipInvalid, rejectsFile, rejectsWhenRefused: true, bounded.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                report = new ImportReport(0, 0, 0, 0, [], null) { Failure = $"the register stayed busy (another import?) for {MaxWait.TotalMinutes:0} minutes. Nothing was imported: try again later." };
            }
            report = report with
            {
                Problems = [.. report.Problems.Select(p => p with { File = name })],
                Failure = report.Failure?.Replace(rejectsFile, "the rejects", StringComparison.Ordinal).Replace(extract, name, StringComparison.Ordinal).Replace(folder, "(upload)", StringComparison.Ordinal),
                RejectsFile = null,
            };
            // The upload's audit row first: the import has committed (or not) whatever becomes of its rejects.
            await audit.WriteAsync(who, "uploaded import", (long?)null, Summary(name, skipInvalid, report), CancellationToken.None);
            string? id = null;
            bool notKept = false;
            if (File.Exists(rejectsFile))
            {
                // Bounded: a register kept busy by another writer costs the download link, not the answer.
                using var wait = new CancellationTokenSource(RejectsWait);
                try
                {
                    id = await rejects.AddAsync(who, name, await File.ReadAllBytesAsync(rejectsFile, CancellationToken.None), wait.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or RegisterBusyException)
                {
                    notKept = true;
                }
            }
            return new ImportOutcome(name, skipInvalid, report, id) { RejectsNotKept = notKept };
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The folder is private to this user; a leftover is removed with the machine's temporary files.
            }
        }
    }

    /// <summary>The rejects file <paramref name="id"/> for <paramref name="who"/> (its download audited), or null: an id not of that form, unknown, another account's or expired.</summary>
    public Task<(string Name, byte[] Csv)?> RejectsAsync(string id, string who, CancellationToken cancel) =>
        id.Length == 32 && id.All(char.IsAsciiHexDigitLower) ? rejects.DownloadAsync(id, who, cancel) : Task.FromResult<(string, byte[])?>(null);

    /// <summary>Why a rejects file is not found, for the 404 page and problem.</summary>
    public static string RejectsGone => $"Rejects are kept for {RejectsStore.KeepWords} after the import, for the account that imported; import again to make them anew.";

    /// <summary>The uploaded file's name as pages, problems and the audit show it: no folder, no control characters, no NHS number, at most 100 characters.</summary>
    public static string DisplayName(string? uploaded)
    {
        string name = Path.GetFileName((uploaded ?? "").Replace('\\', '/'));
        name = NhsNumber.Redact(new string([.. name.Where(c => !char.IsControl(c))])).Trim();
        return name.Length == 0 ? "extract.csv" : name.Length > 100 ? name[..100] : name;
    }

    private static string Summary(string name, bool skipInvalid, ImportReport r) => string.Create(CultureInfo.InvariantCulture,
        $"{name} ({(skipInvalid ? "skip invalid" : "all or nothing")}): {r.RowsRead} row(s) read, ")
        + (r.Imported
            ? string.Create(CultureInfo.InvariantCulture, $"imported: {r.Inserted} new, {r.Updated} updated, {r.Unchanged} unchanged, {r.RejectedLines} row(s) rejected")
            : r.Failure is { } why ? $"not imported: {why}" : string.Create(CultureInfo.InvariantCulture, $"nothing imported: {r.Problems.Count} problem(s)"));
}
