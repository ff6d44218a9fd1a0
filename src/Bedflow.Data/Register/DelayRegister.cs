using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using Dapper;

namespace Bedflow.Data.Register;

/// <summary>What an import did.</summary>
public sealed record ImportReport(int Inserted, int Updated, int Unchanged, int RejectedLines, IReadOnlyList<ImportProblem> Problems, string? RejectsFile)
{
    /// <summary>True when something was written (or nothing needed to be).</summary>
    public bool Imported { get; init; }

    /// <summary>The rows the file holds below its header (blank rows aside), good and bad; 0 when it could not be read.</summary>
    public int RowsRead { get; init; }

    /// <summary>
    /// Why the import failed for a reason outside the file (a full disk, a lost connection, a rejects
    /// file that cannot be written, another import holding the lock too long), or null. Nothing was written.
    /// </summary>
    public string? Failure { get; init; }
}

/// <summary>A patient delayed now: pseudonymous (no NHS number), with how long and why.</summary>
public sealed record CurrentDelay(long Patient, string Provider, string Service, SitRepBeds Beds, DateTime Ready, double Days, DelayReason Reason, Responsibility Responsible)
{
    /// <summary>The episode's register key (to fetch its identifiers, for those allowed to see them).</summary>
    public long Episode { get; init; }
}

/// <summary>One episode of a patient: where, and when admitted, ready and discharged.</summary>
public sealed record PatientEpisode(long Episode, string Provider, string Service, DateTime Admitted, DateTime? Ready, DateTime? Discharged);

/// <summary>
/// The delay register: imports patient-level extracts safely (all or nothing, idempotent,
/// audited) and gives back the same <see cref="DelayRecord"/>s the simulator produces, so one
/// metrics module counts both.
/// </summary>
public sealed partial class DelayRegister(RegisterDatabase db)
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly IdentityCipher? _cipher;

    /// <summary>
    /// A register whose imports also keep each patient's NHS number encrypted under
    /// <paramref name="cipher"/> (null: only the keyed hash, as before), and which can show them.
    /// </summary>
    public DelayRegister(RegisterDatabase db, IdentityCipher? cipher) : this(db)
    {
        _cipher = cipher;
    }

    /// <summary>Every stay in the register as a delay record (no identifiers): what the SitRep figures are counted from.</summary>
    public Task<IReadOnlyList<DelayRecord>> DelayRecordsAsync(CancellationToken cancel = default) => RecordsAsync("", new { }, cancel);

    /// <summary>
    /// The stays that can count on the days <paramref name="first"/> to <paramref name="last"/>: ready
    /// before the period ends and not discharged before it starts (delayed days, snapshots and
    /// discharges outside it are not needed). Reads only those, not the whole register.
    /// </summary>
    public Task<IReadOnlyList<DelayRecord>> DelayRecordsAsync(DateOnly first, DateOnly last, CancellationToken cancel = default) =>
        RecordsAsync($"WHERE e.ready IS NOT NULL AND e.ready < {db.Time("end")} AND (e.discharged IS NULL OR e.discharged >= {db.Time("start")})",
            new { start = T(first.ToDateTime(TimeOnly.MinValue)), end = T(last.AddDays(1).ToDateTime(TimeOnly.MinValue)) }, cancel);

    /// <summary>
    /// Every stay in the register with its patient as the register's own key (never the NHS
    /// number or its hash): what calibration links into paths through the services
    /// (<see cref="Core.Calibration.RegisterEvidence"/>).
    /// </summary>
    public async Task<IReadOnlyList<Core.Calibration.ObservedStay>> StaysAsync(CancellationToken cancel = default) =>
        [.. (await StaysAsync("", new { }, cancel).ConfigureAwait(false)).Select(s => new Core.Calibration.ObservedStay(s.Patient, s.Record))];

    private async Task<IReadOnlyList<DelayRecord>> RecordsAsync(string where, object parameters, CancellationToken cancel) =>
        [.. (await StaysAsync(where, parameters, cancel).ConfigureAwait(false)).Select(s => s.Record)];

    private async Task<IReadOnlyList<(long Patient, DelayRecord Record)>> StaysAsync(string where, object parameters, CancellationToken cancel)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var episodes = await connection.QueryAsync<(long Id, long Patient, string Service, string Beds, string Admitted, string? Ready, string? Discharged, string? Destination, int Adult)>(
            $"SELECT e.id, e.patient_id, e.service, e.beds, {db.TimeText("e.admitted", "admitted")}, {db.TimeText("e.ready", "ready")}, {db.TimeText("e.discharged", "discharged")}, e.destination, e.adult FROM episodes e {where}", parameters).ConfigureAwait(false);
        var reasons = (await connection.QueryAsync<(long Episode, string From, string Reason, string Responsible)>(
            $"SELECT r.episode_id, {db.TimeText("r.from_time", "from_time")}, r.reason, r.responsible FROM delay_reasons r JOIN episodes e ON e.id = r.episode_id {where} ORDER BY r.episode_id, r.from_time", parameters).ConfigureAwait(false)).ToLookup(r => r.Episode);
        return [.. episodes.Select(e => (e.Patient, new DelayRecord
        {
            Service = e.Service,
            Beds = Stored(SitRepCodes.Beds(e.Beds), e.Beds),
            Adult = e.Adult != 0,
            Admitted = P(e.Admitted)!.Value,
            Ready = P(e.Ready),
            Exit = P(e.Discharged),
            Pathway = e.Destination is { } d && d != DischargePathwayWords.None ? Stored(DischargePathwayWords.Table.Find(d), d) : null,
            Reasons = [.. reasons[e.Id].Select(r => new ReasonChange(P(r.From)!.Value, Stored(SitRepCodes.Reason(r.Reason), r.Reason), Stored(SitRepCodes.Responsible(r.Responsible), r.Responsible)))],
        }))];
    }

    /// <summary>Patients delayed at <paramref name="now"/>: ready, not discharged; with their current reason; longest delayed first (then by episode).</summary>
    public async Task<IReadOnlyList<CurrentDelay>> CurrentDelaysAsync(DateTime now, CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var open = await connection.QueryAsync<(long Id, long Patient, string Provider, string Service, string Beds, string Ready)>(
            $"SELECT id, patient_id, provider, service, beds, {db.TimeText("ready", "ready")} FROM episodes WHERE ready IS NOT NULL AND ready <= {db.Time("now")} AND (discharged IS NULL OR discharged > {db.Time("now")})",
            new { now = T(now) }).ConfigureAwait(false);
        // The reasons of all open delays in one query, not one per patient.
        var reasons = (await connection.QueryAsync<(long Episode, string From, string Reason, string Responsible)>(
            $"SELECT r.episode_id, {db.TimeText("r.from_time", "from_time")}, r.reason, r.responsible FROM delay_reasons r JOIN episodes e ON e.id = r.episode_id WHERE e.ready IS NOT NULL AND e.ready <= {db.Time("now")} AND (e.discharged IS NULL OR e.discharged > {db.Time("now")}) AND r.from_time <= {db.Time("now")}",
            new { now = T(now) }).ConfigureAwait(false)).ToLookup(r => r.Episode);
        var list = new List<CurrentDelay>();
        foreach (var e in open)
        {
            (string Reason, string Responsible)? reason = reasons[e.Id].OrderBy(r => r.From, StringComparer.Ordinal).Select(r => ((string, string)?)(r.Reason, r.Responsible)).LastOrDefault();
            var ready = P(e.Ready)!.Value;
            list.Add(new CurrentDelay(e.Patient, e.Provider, e.Service, Stored(SitRepCodes.Beds(e.Beds), e.Beds), ready, (now - ready).TotalDays,
                reason is { } r ? Stored(SitRepCodes.Reason(r.Reason), r.Reason) : DelayReason.O, reason is { } r2 ? Stored(SitRepCodes.Responsible(r2.Responsible), r2.Responsible) : Responsibility.Nhs) { Episode = e.Id });
        }
        return [.. list.OrderByDescending(d => d.Days).ThenBy(d => d.Episode)];
    }

    /// <summary>Whether this register object can decrypt identifiers (it was given the encryption key).</summary>
    public bool CanShowIdentifiers => _cipher is not null;

    /// <summary>
    /// The NHS number and local hospital number of each episode asked for, decrypted (null where the
    /// register holds none: imported before encryption, or without the key). For those allowed to see
    /// who the patient is, and audited by the caller.
    /// </summary>
    /// <exception cref="InvalidOperationException">The register was opened without the encryption key (<see cref="CanShowIdentifiers"/>).</exception>
    public async Task<IReadOnlyDictionary<long, (string? NhsNumber, string? LocalNumber)>> IdentifiersAsync(IReadOnlyCollection<long> episodes, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var cipher = _cipher ?? throw new InvalidOperationException(IdentityCipher.Missing);
        var result = new Dictionary<long, (string?, string?)>();
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        foreach (var chunk in episodes.Distinct().Chunk(400))
        {
            var ids = chunk.ToList();
            var rows = await connection.QueryAsync<(long Id, string Hash, string? Nhs, string Provider, string Admitted, string? Local)>(
                $"SELECT e.id, p.nhs_hash, p.nhs_number_enc, e.provider, {db.TimeText("e.admitted", "admitted")}, e.local_number_enc FROM episodes e JOIN patients p ON p.id = e.patient_id WHERE e.id {In("ids")}",
                new { ids }).ConfigureAwait(false);
            foreach (var r in rows)
            {
                result[r.Id] = (cipher.Open(r.Nhs, IdentityContext.Nhs(r.Hash)), cipher.Open(r.Local, IdentityContext.Local(r.Hash, r.Provider, P(r.Admitted)!.Value)));
            }
        }
        return result;
    }

    /// <summary>The register key of the patient with this NHS number — found through its keyed hash, never the number — or null.</summary>
    public async Task<long?> FindPatientAsync(string nhsNumber, byte[] key, CancellationToken cancel = default)
    {
        if (NhsNumber.Normalise(nhsNumber) is not { } digits)
        {
            return null;
        }
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long?>("SELECT id FROM patients WHERE nhs_hash = @hash", new { hash = NhsNumber.Hash(digits, key) }).ConfigureAwait(false);
    }

    /// <summary>A patient's episodes (by register key), oldest first: times as the register stores them, "yyyy-MM-dd HH:mm:ss".</summary>
    public async Task<IReadOnlyList<PatientEpisode>> PatientEpisodesAsync(long patient, CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long Id, string Provider, string Service, string Admitted, string? Ready, string? Discharged)>(
            $"SELECT id, provider, service, {db.TimeText("admitted", "admitted")}, {db.TimeText("ready", "ready")}, {db.TimeText("discharged", "discharged")} FROM episodes WHERE patient_id = @patient ORDER BY admitted, id",
            new { patient }).ConfigureAwait(false);
        return [.. rows.Select(r => new PatientEpisode(r.Id, r.Provider, r.Service, P(r.Admitted)!.Value, P(r.Ready), P(r.Discharged)))];
    }

    /// <summary>Rows of the audit log, newest last.</summary>
    public async Task<IReadOnlyList<(string At, string Who, string Action, long? Episode, string Detail)>> AuditAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return [.. await connection.QueryAsync<(string, string, string, long?, string)>($"SELECT {db.TimeText("at_utc", "at_utc")}, who, action, episode_id, detail FROM audit ORDER BY id").ConfigureAwait(false)];
    }

    /// <summary>Providers and their services known to the register.</summary>
    public async Task<IReadOnlyList<(string Provider, string Service, string Beds)>> ServicesAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return [.. await connection.QueryAsync<(string, string, string)>("SELECT provider, name, beds FROM services ORDER BY provider, name").ConfigureAwait(false)];
    }

    /// <summary>Counts of patients, episodes and reason periods (for checks).</summary>
    public async Task<(long Patients, long Episodes, long Reasons)> CountsAsync(CancellationToken cancel = default)
    {
        await using var connection = await db.ConnectAsync(cancel).ConfigureAwait(false);
        return (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM patients").ConfigureAwait(false),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM episodes").ConfigureAwait(false),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM delay_reasons").ConfigureAwait(false));
    }

    /// <summary>A code read back from the register; one this Bedflow does not know means the database was changed by hand (a bug to report, not a user mistake).</summary>
    private static T Stored<T>(T? value, string code) where T : struct =>
        value ?? throw new InvalidDataException($"the register holds '{code}', which is not a {typeof(T).Name} code: was the database edited by hand?");

    private static string? T(DateTime? time) => time?.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTime? P(string? text) => text is null ? null : DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture);
}
