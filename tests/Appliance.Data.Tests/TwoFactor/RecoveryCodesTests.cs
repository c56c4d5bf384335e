using Appliance.Data.TwoFactor;

namespace Appliance.Data.Tests.TwoFactor;

public sealed class RecoveryCodesTests
{
    [Fact]
    public void Ten_distinct_codes_easy_to_type()
    {
        var codes = RecoveryCodes.Generate();

        Assert.Equal(RecoveryCodes.Count, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}$", code));
        Assert.All(codes, code => Assert.True(RecoveryCodes.IsCodeShaped(code)));
    }

    [Fact]
    public void Only_a_salted_hash_is_kept_and_it_matches_the_code_however_it_is_typed()
    {
        var code = RecoveryCodes.Generate()[0];
        var stored = RecoveryCodes.Hash(code);

        Assert.DoesNotContain(code, stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(stored, RecoveryCodes.Hash(code));
        Assert.True(RecoveryCodes.Matches(stored, code));
        Assert.True(RecoveryCodes.Matches(stored, code.ToLowerInvariant()));
        Assert.True(RecoveryCodes.Matches(stored, " " + code.Replace("-", " ", StringComparison.Ordinal) + " "));
    }

    [Fact]
    public void Another_code_or_a_broken_stored_value_matches_nothing()
    {
        var codes = RecoveryCodes.Generate();
        var stored = RecoveryCodes.Hash(codes[0]);

        Assert.False(RecoveryCodes.Matches(stored, codes[1]));
        Assert.False(RecoveryCodes.Matches(stored, ""));
        Assert.False(RecoveryCodes.Matches("not-a-hash", codes[0]));
        Assert.False(RecoveryCodes.IsCodeShaped("123456"));
        Assert.False(RecoveryCodes.IsCodeShaped("ABCD-EFGH-JKM!"));
    }
}
