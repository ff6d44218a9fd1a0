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
}

public sealed partial class PostgresRegisterTests
{
    [PostgresFact] public Task Stored_codes() => A_register_stores_the_stable_codes_and_reads_them_back_as_their_members();
}
