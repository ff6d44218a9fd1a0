using System.Text;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

/// <summary>
/// The hub's edits of an episode (a new reason, a ready time, a discharge): checked as an import's
/// rows are, versioned, audited; and the cached snapshot of open episodes against the uncached query.
/// </summary>
public abstract class EpisodeEditTests<TEngine> where TEngine : IRegisterEngine, new()
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("test-key-0123456789abcdef0123456789");

    // Two patients: one delayed since 27 April (reason A), one since 28 April (C), neither discharged.
    private const string Extract = RegisterTests<SqliteEngine>.Header + """

        RTH,943 476 5919,2016-04-20 10:00,2016-04-27 10:00,,acute,acute,,A,Social Care,2016-04-27 10:00,yes
        RTH,9434765870,2016-04-25 08:00,2016-04-28 09:00,,acute,acute,,C,NHS,2016-04-28 09:00,yes

        """;

    private static async Task<(DelayRegister Register, RegisterDatabase Db)> ImportedAsync(string extract = Extract)
    {
        var db = await RegisterDatabase.OpenAsync(await new TEngine().NewDatabaseAsync());
        var register = new DelayRegister(db);
        string path = Path.Combine(Path.GetTempPath(), $"extract-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, extract.Replace("\r\n", "\n", StringComparison.Ordinal));
        var report = await register.ImportAsync(path, Key, "tester", false);
        Assert.True(report.Imported, string.Join("; ", report.Problems));
        return (register, db);
    }

    private static async Task<EpisodeRecord> FirstAsync(DelayRegister register) =>
        (await register.EpisodeAsync((await register.CurrentDelaysAsync(new DateTime(2016, 5, 1))).Single(d => d.Reason == DelayReason.A).Episode))!;

    protected async Task A_new_reason_is_saved_with_a_new_version_and_an_audit_row()
    {
        var (register, _) = await ImportedAsync();
        var before = await FirstAsync(register);
        Assert.Equal(1, before.Version);
        var result = await register.EditAsync(before.Episode, 1, new EpisodeEdit(Reason: "Dii", Responsible: "Social Care", ReasonFrom: "2016-04-30 09:00"), "hub", "edit");
        Assert.Equal(EditStatus.Saved, result.Status);
        var after = (await register.EpisodeAsync(before.Episode))!;
        Assert.Equal(2, after.Version);
        Assert.Equal([new ReasonChange(new(2016, 4, 27, 10, 0, 0), DelayReason.A, Responsibility.SocialCare), new ReasonChange(new(2016, 4, 30, 9, 0, 0), DelayReason.Dii, Responsibility.SocialCare)], after.Reasons);
        Assert.Equal(DelayReason.Dii, (await register.CurrentDelaysAsync(new DateTime(2016, 5, 1))).Single(d => d.Episode == before.Episode).Reason);
        var audit = (await register.AuditAsync()).Single(a => a.Action == "edited");
        Assert.Equal(("hub", (long?)before.Episode), (audit.Who, audit.Episode));
        Assert.Contains("reason Dii (Social Care) from 2016-04-30 09:00:00", audit.Detail, StringComparison.Ordinal);
    }

    protected async Task An_edit_made_on_an_old_version_writes_nothing()
    {
        var (register, _) = await ImportedAsync();
        var e = await FirstAsync(register);
        Assert.Equal(EditStatus.Saved, (await register.EditAsync(e.Episode, 1, new EpisodeEdit(Discharged: "2016-05-02 10:00", Destination: "P1"), "ann", "edit")).Status);
        var stale = await register.EditAsync(e.Episode, 1, new EpisodeEdit(Reason: "E", Responsible: "Both", ReasonFrom: "2016-04-29 10:00"), "bob", "edit");
        Assert.Equal(EditStatus.Stale, stale.Status);
        Assert.Equal(2, stale.Episode!.Version);
        var now = (await register.EpisodeAsync(e.Episode))!;
        Assert.Equal((new DateTime(2016, 5, 2, 10, 0, 0), "P1", 1), (now.Discharged!.Value, now.Destination!, now.Reasons.Count));
        Assert.DoesNotContain(await register.AuditAsync(), a => a.Who == "bob");
    }

    protected async Task An_edit_is_checked_as_an_import_row_and_each_problem_names_its_column()
    {
        var (register, _) = await ImportedAsync();
        var e = await FirstAsync(register);
        async Task<IEnumerable<string>> Columns(EpisodeEdit edit)
        {
            var r = await register.EditAsync(e.Episode, e.Version, edit, "hub", "edit");
            Assert.Equal(EditStatus.Invalid, r.Status);
            return r.Problems.Select(p => p.Column).Distinct();
        }
        // The SitRep table: reason C is the NHS's alone.
        Assert.Equal(["responsible"], await Columns(new EpisodeEdit(Reason: "C", Responsible: "Social Care", ReasonFrom: "2016-04-29 10:00")));
        Assert.Equal(["reason"], await Columns(new EpisodeEdit(Reason: "Z", Responsible: "NHS", ReasonFrom: "2016-04-29 10:00")));
        Assert.Equal(["reason"], await Columns(new EpisodeEdit(Responsible: "NHS", ReasonFrom: "2016-04-29 10:00")));
        Assert.Equal(["reason_from"], await Columns(new EpisodeEdit(Reason: "E", Responsible: "Both", ReasonFrom: "2016-04-27 10:00"))); // the same time as reason A
        Assert.Equal(["discharged", "reason_from"], await Columns(new EpisodeEdit(Discharged: "2016-04-26 10:00"))); // before ready, and so before the reason
        Assert.Equal(["discharged"], await Columns(new EpisodeEdit(Discharged: "tomorrow")));
        Assert.Equal(["destination"], await Columns(new EpisodeEdit(Discharged: "2016-05-02 10:00", Destination: "P7")));
        // Moving the ready time after the reason's start puts the reason outside the delay.
        Assert.Equal(["reason_from"], await Columns(new EpisodeEdit(Ready: "2016-04-28 10:00")));
        Assert.Equal(1, (await register.EpisodeAsync(e.Episode))!.Version);
        Assert.DoesNotContain(await register.AuditAsync(), a => a.Action == "edited");
    }

    protected async Task An_import_that_changes_an_episode_raises_its_version()
    {
        var (register, db) = await ImportedAsync();
        var e = await FirstAsync(register);
        string changed = Extract.Replace("2016-04-27 10:00,,acute", "2016-04-27 10:00,2016-05-03 10:00,acute", StringComparison.Ordinal);
        string path = Path.Combine(Path.GetTempPath(), $"extract-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, changed.Replace("\r\n", "\n", StringComparison.Ordinal));
        long changes = await register.ChangesAsync();
        Assert.True((await register.ImportAsync(path, Key, "tester", false)).Updated == 1);
        Assert.Equal(2, (await register.EpisodeAsync(e.Episode))!.Version);
        Assert.Equal(changes + 1, await register.ChangesAsync());
        Assert.Equal(EditStatus.Stale, (await register.EditAsync(e.Episode, 1, new EpisodeEdit(Ready: "2016-04-27 11:00"), "hub", "edit")).Status);
        _ = db;
    }

    protected async Task The_snapshot_gives_what_the_query_gives_at_every_time_after_every_write()
    {
        var (register, _) = await ImportedAsync();
        var times = Enumerable.Range(0, 16).Select(i => new DateTime(2016, 4, 26, 0, 0, 0).AddHours(13 * i)).ToList();
        async Task Same()
        {
            var snapshot = await register.SnapshotAsync(times[0]);
            Assert.Equal(await register.ChangesAsync(), snapshot.Changes);
            foreach (var t in times)
            {
                Assert.Equal(await register.CurrentDelaysAsync(t), snapshot.At(t));
            }
        }
        await Same();
        var e = await FirstAsync(register);
        Assert.Equal(EditStatus.Saved, (await register.EditAsync(e.Episode, 1, new EpisodeEdit(Reason: "G", Responsible: "NHS", ReasonFrom: "2016-04-29 06:00"), "hub", "edit")).Status);
        await Same();
        Assert.Equal(EditStatus.Saved, (await register.EditAsync(e.Episode, 2, new EpisodeEdit(Discharged: "2016-05-01 12:00", Destination: "P0"), "hub", "edit")).Status);
        await Same();
        Assert.Contains(times, t => (register.CurrentDelaysAsync(t).Result).Count == 2); // the times do cover both delays
    }
}

public sealed class SqliteEpisodeEditTests : EpisodeEditTests<SqliteEngine>
{
    [Fact] public Task New_reason() => A_new_reason_is_saved_with_a_new_version_and_an_audit_row();
    [Fact] public Task Stale() => An_edit_made_on_an_old_version_writes_nothing();
    [Fact] public Task Checked_as_imports() => An_edit_is_checked_as_an_import_row_and_each_problem_names_its_column();
    [Fact] public Task Import_raises_version() => An_import_that_changes_an_episode_raises_its_version();
    [Fact] public Task Snapshot() => The_snapshot_gives_what_the_query_gives_at_every_time_after_every_write();
}

public sealed class PostgresEpisodeEditTests : EpisodeEditTests<PostgresEngine>
{
    [PostgresFact] public Task New_reason() => A_new_reason_is_saved_with_a_new_version_and_an_audit_row();
    [PostgresFact] public Task Stale() => An_edit_made_on_an_old_version_writes_nothing();
    [PostgresFact] public Task Checked_as_imports() => An_edit_is_checked_as_an_import_row_and_each_problem_names_its_column();
    [PostgresFact] public Task Import_raises_version() => An_import_that_changes_an_episode_raises_its_version();
    [PostgresFact] public Task Snapshot() => The_snapshot_gives_what_the_query_gives_at_every_time_after_every_write();
}
