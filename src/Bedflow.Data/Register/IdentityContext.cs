using System.Globalization;

namespace Bedflow.Data.Register;

/// <summary>
/// What each encrypted identifier is bound to (AES-GCM's associated data): the column and the row it
/// belongs to, so a value moved to another patient, episode or column fails to decrypt.
/// </summary>
internal static class IdentityContext
{
    /// <summary>A patient's NHS number (patients.nhs_number_enc), bound to the patient's keyed hash.</summary>
    public static string Nhs(string nhsHash) => $"patients.nhs_number_enc:{nhsHash}";

    /// <summary>An episode's local hospital number (episodes.local_number_enc), bound to the episode's patient, provider and admission.</summary>
    public static string Local(string nhsHash, string provider, DateTime admitted) =>
        $"episodes.local_number_enc:{nhsHash}:{provider}:{admitted.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}";
}
