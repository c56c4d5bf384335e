using Appliance.Data.Passwords;

namespace Appliance.Data.Tests.Passwords;

public sealed class PasswordHashesTests
{
    [Fact]
    public void A_hash_verifies_its_password_only_and_is_salted()
    {
        var hash = PasswordHashes.Hash("correct horse battery");

        Assert.Equal((true, false), PasswordHashes.Verify(hash, "correct horse battery"));
        Assert.False(PasswordHashes.Verify(hash, "correct horse batterY").Matches);
        Assert.NotEqual(hash, PasswordHashes.Hash("correct horse battery"));
        Assert.DoesNotContain("correct", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Hashes_made_by_Identity_for_a_user_object_still_verify()
    {
        // Admin users' hashes were made with PasswordHasher<UserEntity>; the format ignores the user.
        var stored = new Microsoft.AspNetCore.Identity.PasswordHasher<Appliance.Data.Entities.UserEntity>()
            .HashPassword(new Appliance.Data.Entities.UserEntity(), "an older password");

        Assert.True(PasswordHashes.Verify(stored, "an older password").Matches);
    }
}
