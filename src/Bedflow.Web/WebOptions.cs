using Bedflow.Data.Register;
using Microsoft.Extensions.Logging;

namespace Bedflow.Web;

/// <summary>What the web app serves and how: the register, where it listens, its keys, its clock and its logs.</summary>
public sealed record WebOptions
{
    /// <summary>The default address: this machine only (put a TLS reverse proxy in front to serve others, docs/web.md).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The register, opened and migrated (<see cref="RegisterDatabase.OpenAsync(RegisterLocation, CancellationToken)"/>).</summary>
    public required RegisterDatabase Register { get; init; }

    /// <summary>The addresses to listen on (http only: TLS belongs to the reverse proxy); port 0 picks a free port.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>
    /// The register's HMAC key (<see cref="NhsNumber.KeyVariable"/>), for finding a patient by NHS
    /// number through its hash; null when the server was started without it (search then says so).
    /// </summary>
    public byte[]? HashKey { get; init; }

    /// <summary>
    /// The key the register's NHS numbers are encrypted under (<see cref="IdentityCipher.KeyVariable"/>);
    /// null when the server was started without it (editors are then told the numbers cannot be shown).
    /// </summary>
    public IdentityCipher? Cipher { get; init; }

    /// <summary>The clock (tests set it); "now" for the register is its local time, as the register stores times.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The runs folder of the Options page (one folder per run, kept with its scenario: docs/web.md);
    /// null: "runs" in the working folder. The command puts it beside an SQLite register.
    /// </summary>
    public string? RunsFolder { get; init; }

    /// <summary>The folder of example scenarios the Options page offers (its .yaml files); null: none.</summary>
    public string? Examples { get; init; }

    /// <summary>Runs at a time, 1 or 2 (each run uses every processor for its replications).</summary>
    public int RunWorkers { get; init; } = 1;

    /// <summary>The memory a run may need (bytes), as `bedflow run --max-memory`; null: half of the memory available, shared between the runs at a time.</summary>
    public long? MaxRunMemory { get; init; }

    /// <summary>Where the logs go (the command sends them to standard error, tests capture them); none by default.</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }
}
