using System.Text;
using Appliance.Data.TwoFactor;

namespace Appliance.Data.Tests.TwoFactor;

public sealed class TotpCodesTests
{
    // RFC 6238 appendix B: the SHA-1 seed, whose 8-digit code at 59 s is 94287082 (6 digits: 287082).
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-27T10:00:10Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Codes_are_rfc_6238_six_digits_every_thirty_seconds()
    {
        Assert.Equal("287082", TotpCodes.CodeAt(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", TotpCodes.CodeAt(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
        Assert.Equal(1111111109 / 30, TotpCodes.StepAt(DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }

    [Fact]
    public void The_current_step_and_one_either_side_are_accepted_and_no_further()
    {
        var secret = TotpCodes.NewSecret();
        var step = TotpCodes.StepAt(Now);

        Assert.Equal(step, TotpCodes.MatchingStep(secret, TotpCodes.CodeAt(secret, Now), Now));
        Assert.Equal(step - 1, TotpCodes.MatchingStep(secret, TotpCodes.CodeAt(secret, Now.AddSeconds(-30)), Now));
        Assert.Equal(step + 1, TotpCodes.MatchingStep(secret, TotpCodes.CodeAt(secret, Now.AddSeconds(30)), Now));
        Assert.Null(TotpCodes.MatchingStep(secret, TotpCodes.CodeAt(secret, Now.AddSeconds(-60)), Now));
        Assert.Null(TotpCodes.MatchingStep(secret, TotpCodes.CodeAt(secret, Now.AddSeconds(60)), Now));
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    public void A_wrong_or_malformed_code_matches_nothing(string? code)
    {
        // A secret whose current code is not 000000.
        var secret = TotpCodes.NewSecret();
        while (TotpCodes.MatchingStep(secret, "000000", Now) is not null)
        {
            secret = TotpCodes.NewSecret();
        }

        Assert.Null(TotpCodes.MatchingStep(secret, code, Now));
    }

    [Fact]
    public void A_code_typed_with_a_space_as_apps_show_it_is_the_code()
    {
        var secret = TotpCodes.NewSecret();
        var code = TotpCodes.CodeAt(secret, Now);
        Assert.Equal(TotpCodes.StepAt(Now), TotpCodes.MatchingStep(secret, code[..3] + " " + code[3..], Now));
    }

    [Fact]
    public void The_key_and_uri_are_what_authenticator_apps_read()
    {
        var secret = TotpCodes.NewSecret();
        var base32 = TotpCodes.ToBase32(secret);

        Assert.Equal(32, base32.Length);
        Assert.Matches("^[A-Z2-7]+$", base32);
        Assert.Equal(secret, TotpCodes.FromBase32(base32));
        var uri = TotpCodes.ToUri(secret, "Appliance", "ops@example");
        Assert.StartsWith("otpauth://totp/Appliance:ops%40example?secret=" + base32, uri);
        Assert.Contains("issuer=Appliance", uri);
        Assert.Contains("digits=6", uri);
        Assert.Contains("period=30", uri);
        Assert.Contains("algorithm=SHA1", uri);
    }
}
