using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bedflow.Data.Audit;
using Bedflow.Data.Register;
using Bedflow.Data.Tests.Accounts;
using Bedflow.Data.Tests.Register;

namespace Bedflow.Data.Tests.Audit;

/// <summary>The audit log keeps a computed SHA-256 whole and still masks every NHS number typed around it (one-line subclasses below).</summary>
public abstract class AuditLogTests<TEngine> where TEngine : IRegisterEngine, new()
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero));

    private async Task<AuditLog> NewAsync() => new(await RegisterDatabase.OpenAsync(await new TEngine().NewDatabaseAsync()), _clock);

    /// <summary>Content whose SHA-256 in hex the masking would mangle (ten or more digits run together), and that hex, computed here.</summary>
    internal static (byte[] Content, string Hex) MangledByMasking()
    {
        for (int i = 0; ; i++)
        {
            byte[] content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"name: Plan {i}\n"));
            string hex = string.Concat(SHA256.HashData(content).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            if (NhsNumber.Redact(hex) != hex)
            {
                return (content, hex);
            }
        }
    }

    protected async Task A_scenario_hash_is_kept_whole_where_masking_would_have_mangled_it()
    {
        var audit = await NewAsync();
        var (content, hex) = MangledByMasking();
        await audit.WriteAsync("hub", "started run", "run 20261202T030000-abcdefgh: 'Plan' (plan.yaml)", Sha256Digest.Of(content));
        var row = Assert.Single((await audit.ReadAsync(1, 10)).Entries);
        Assert.Equal(("hub", "started run", (long?)null, $"run 20261202T030000-abcdefgh: 'Plan' (plan.yaml); SHA-256 {hex}"), (row.Who, row.Action, row.Episode, row.Detail));
    }

    protected async Task An_nhs_number_in_the_name_or_file_name_beside_the_hash_is_still_masked()
    {
        var audit = await NewAsync();
        var (content, hex) = MangledByMasking();
        string[] typed = ["9434765919", "943 476 5919", "943-476-5919", "4010232137", "(401) 023 2137", "9.434765919E+09"];
        foreach (string number in typed)
        {
            await audit.WriteAsync(number, "started run", $"run 20261202T030000-abcdefgh: 'Plan for {number}' ({number}.yaml)", Sha256Digest.Of(content));
        }
        var rows = (await audit.ReadAsync(1, 100)).Entries;
        Assert.Equal(typed.Length, rows.Count);
        foreach (var row in rows)
        {
            Assert.EndsWith($"; SHA-256 {hex}", row.Detail, StringComparison.Ordinal);
            string typedPart = row.Detail[..^$"; SHA-256 {hex}".Length];
            Assert.False(NhsNumber.ContainsNumberLike(typedPart), typedPart);
            Assert.False(NhsNumber.ContainsNumberLike(row.Who), row.Who);
            Assert.Contains("*******", typedPart, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteAuditLogTests : AuditLogTests<SqliteEngine>
{
    [Fact] public Task Hash_kept() => A_scenario_hash_is_kept_whole_where_masking_would_have_mangled_it();
    [Fact] public Task Numbers_masked() => An_nhs_number_in_the_name_or_file_name_beside_the_hash_is_still_masked();
}

public sealed class PostgresAuditLogTests : AuditLogTests<PostgresEngine>
{
    [PostgresFact] public Task Hash_kept() => A_scenario_hash_is_kept_whole_where_masking_would_have_mangled_it();
    [PostgresFact] public Task Numbers_masked() => An_nhs_number_in_the_name_or_file_name_beside_the_hash_is_still_masked();
}
