using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

public class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("943 476 5919", true)]
    [InlineData("4010232137", true)]
    [InlineData("9434765918", false)] // wrong check digit
    [InlineData("943476591", false)]  // nine digits
    [InlineData("94347659190", false)]
    [InlineData("943476591X", false)]
    [InlineData("1000000010", false)] // 1 × 10 = 10: 11 − 10 = 1 ≠ 0
    [InlineData("", false)]
    public void The_modulus_11_check_digit_is_verified(string text, bool valid) => Assert.Equal(valid, NhsNumber.IsValid(text));

    [Fact]
    public void A_check_of_ten_means_the_number_cannot_exist()
    {
        // Digits 0000000060: 6 × 2 = 12, 12 mod 11 = 1, 11 − 1 = 10: no valid check digit.
        for (int last = 0; last <= 9; last++)
        {
            Assert.False(NhsNumber.IsValid($"000000006{last}"));
        }
    }

    [Fact]
    public void The_hash_is_keyed_stable_and_does_not_contain_the_number()
    {
        byte[] a = "key-a-0123456789abcdef0123456789ab"u8.ToArray(), b = "key-b-0123456789abcdef0123456789ab"u8.ToArray();
        string h = NhsNumber.Hash("943 476 5919", a);
        Assert.Equal(h, NhsNumber.Hash("9434765919", a));
        Assert.NotEqual(h, NhsNumber.Hash("9434765919", b));
        Assert.Equal(64, h.Length);
        Assert.DoesNotContain("9434765919", h, StringComparison.Ordinal);
        Assert.Equal("*******919", NhsNumber.Mask("9434765919"));
    }
}
