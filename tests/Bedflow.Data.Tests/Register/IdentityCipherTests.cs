using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

/// <summary>AES-GCM for identifiers at rest: a round trip, and nothing else opens.</summary>
public class IdentityCipherTests
{
    private static readonly IdentityCipher Cipher = IdentityCipher.FromKey([.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))]);

    [Fact]
    public void A_sealed_number_opens_to_itself_in_its_context_only()
    {
        string sealedText = Cipher.Seal("9434765919", "patients.nhs_number_enc:abc");
        Assert.StartsWith("v1:", sealedText, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765919", sealedText, StringComparison.Ordinal);
        Assert.Equal(3 + 4 * (int)Math.Ceiling((12 + 10 + 16) / 3.0), sealedText.Length); // nonce, 10 bytes, tag, in base64
        Assert.Equal("9434765919", Cipher.Open(sealedText, "patients.nhs_number_enc:abc"));
        Assert.Null(Cipher.Open(sealedText, "patients.nhs_number_enc:abd")); // moved to another patient
        Assert.Null(IdentityCipher.FromKey(new byte[32]).Open(sealedText, "patients.nhs_number_enc:abc")); // another key
    }

    [Fact]
    public void Each_seal_has_its_own_nonce_and_any_altered_byte_fails_to_open()
    {
        string a = Cipher.Seal("9434765919", "c"), b = Cipher.Seal("9434765919", "c");
        Assert.NotEqual(a, b);
        byte[] bytes = Convert.FromBase64String(a[3..]);
        for (int i = 0; i < bytes.Length; i++)
        {
            byte[] altered = [.. bytes];
            altered[i] ^= 0x01;
            Assert.Null(Cipher.Open("v1:" + Convert.ToBase64String(altered), "c"));
        }
        Assert.Null(Cipher.Open("v1:not base64!", "c"));
        Assert.Null(Cipher.Open("v2:" + a[3..], "c"));
        Assert.Null(Cipher.Open(null, "c"));
    }

    [Fact]
    public void A_key_must_be_32_bytes() => Assert.Throws<ArgumentException>(() => IdentityCipher.FromKey(new byte[16]));
}
