namespace Bedflow.Cli;

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>A bug or an environment failure (not the user's mistake).</summary>
    public const int Failure = 1;
    /// <summary>A user mistake: bad arguments or input. The message says what is wrong.</summary>
    public const int UsageError = 2;
}
