using Appliance.Data.Model;
using Appliance.Data.Tests.Store;
using Appliance.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Users;

public sealed class SetupCodeTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task With_no_user_a_setup_code_is_written_owner_only_and_creates_exactly_one_administrator()
    {
        var setup = fixture.Services.GetRequiredService<SetupCode>();
        var path = Path.Combine(fixture.DataDirectory, SetupCode.FileName);
        Assert.True(setup.IsPending);
        var code = (await File.ReadAllTextAsync(path)).Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var admin = new NewUser { UserName = "first", Password = "a long enough passphrase", Role = ApplianceRoles.Viewer };
        Assert.Equal(SetupRedemptionOutcome.WrongCode, (await setup.RedeemAsync("AAAA-BBBB-CCCC", admin)).Outcome);

        // A refused password does not spend the code.
        var refused = await setup.RedeemAsync(code, admin with { Password = "short" });
        Assert.Equal(SetupRedemptionOutcome.Refused, refused.Outcome);
        Assert.Contains("password", refused.User!.Errors.Keys);
        Assert.True(setup.IsPending);

        var created = await setup.RedeemAsync(code.ToLowerInvariant(), admin);
        Assert.Equal(SetupRedemptionOutcome.Created, created.Outcome);
        Assert.Equal(ApplianceRoles.Admin, created.User!.Value!.Role);
        Assert.False(setup.IsPending);
        Assert.False(File.Exists(path));

        Assert.Equal(SetupRedemptionOutcome.WrongCode, (await setup.RedeemAsync(code, admin with { UserName = "second" })).Outcome);
        Assert.Single(await fixture.Services.GetRequiredService<UserStore>().ListAsync());
    }
}
