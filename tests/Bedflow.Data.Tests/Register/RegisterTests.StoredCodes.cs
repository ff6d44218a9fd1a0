using System.Data.Common;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

public abstract partial class RegisterTests<TEngine>
{
    protected async Task A_register_stores_the_stable_codes_and_reads_them_back_as_their_members()
    {
        var location = await new TEngine().NewDatabaseAsync();
        var register = new DelayRegister(await RegisterDatabase.OpenAsync(location));
        // The third patient left to no discharge pathway ("none"), the others to P3 and not yet.
        string extract = Extract.Replace(",acute,acute,P0,,,,yes", ",acute,acute,none,,,,yes", StringComparison.Ordinal);
        Assert.Empty((await register.ImportAsync(await WriteAsync(extract), Key, "t", false)).Problems);

        // What the database holds, written out here: stable codes, never C# names (docs/register.md).
        Assert.Equal(["A social_care", "C nhs", "Di social_care"], await TextsAsync(location, "SELECT reason || ' ' || responsible FROM delay_reasons ORDER BY reason"));
        Assert.Equal(["acute P3", "acute -", "acute none"], await TextsAsync(location, "SELECT beds || ' ' || COALESCE(destination, '-') FROM episodes ORDER BY admitted"));

        var records = (await register.DelayRecordsAsync()).OrderBy(r => r.Admitted).ToList();
        Assert.Equal([DischargePathway.P3, null, null], records.Select(r => r.Pathway));
        Assert.All(records, r => Assert.Equal(SitRepBeds.Acute, r.Beds));
        Assert.Equal([(DelayReason.A, Responsibility.SocialCare), (DelayReason.Di, Responsibility.SocialCare), (DelayReason.C, Responsibility.Nhs)],
            records.SelectMany(r => r.Reasons).Select(c => (c.Reason, c.Responsible)));
    }

    protected async Task The_published_days_are_stored_by_reason_code_and_read_back_by_reason()
    {
        var location = await new TEngine().NewDatabaseAsync();
        var db = await RegisterDatabase.OpenAsync(location);
        Assert.True((await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Reasons))).Imported);
        Assert.True((await PublishedData.ImportAsync(db, await WriteAsync(PublishedFixtures.Organisations))).Imported);
        // The file's columns ("Awaiting further NHS non-acute care", "Housing - Patients not covered …") become the codes.
        Assert.Equal(["A", "B", "C", "Di", "Dii", "E", "F", "G", "H", "I", "O"],
            (await TextsAsync(location, "SELECT DISTINCT reason FROM published_days")).Order(StringComparer.Ordinal));
        var b = (await PublishedFigures.BenchmarkAsync(db, "E10000025", "2017-04", "2017-04", null))!;
        Assert.Equal([90L, 0, 280, 40, 70, 260, 5, 70, 0, 15, 10], SitRep.Reasons.Select(r => b.ByReason[r]));
        Assert.Equal([500L, 200, 140], SitRep.Responsibilities.Select(o => b.ByOrganisation[o]));
    }

    private static async Task<List<string>> TextsAsync(RegisterLocation location, string sql)
    {
        DbConnection c = location.Engine == RegisterEngine.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={location.Target}")
            : new Npgsql.NpgsqlConnection(location.Target);
        await using (c)
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            await using var reader = await cmd.ExecuteReaderAsync();
            var texts = new List<string>();
            while (await reader.ReadAsync())
            {
                texts.Add(reader.GetString(0));
            }
            return texts;
        }
    }
}

public sealed partial class SqliteRegisterTests
{
    [Fact] public Task Stored_codes() => A_register_stores_the_stable_codes_and_reads_them_back_as_their_members();
    [Fact] public Task Published_codes() => The_published_days_are_stored_by_reason_code_and_read_back_by_reason();
}

public sealed partial class PostgresRegisterTests
{
    [PostgresFact] public Task Stored_codes() => A_register_stores_the_stable_codes_and_reads_them_back_as_their_members();
    [PostgresFact] public Task Published_codes() => The_published_days_are_stored_by_reason_code_and_read_back_by_reason();
}
