using Appliance.Data.Tests.Store;
using Appliance.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Users;

public sealed class InitialUserSeederTests(InitialUserSeederTests.SeededFixture fixture) : IClassFixture<InitialUserSeederTests.SeededFixture>
{
    [Fact]
    public async Task The_configured_initial_user_is_created_as_admin_and_no_setup_code_is_issued()
    {
        var users = await fixture.Services.GetRequiredService<UserStore>().ListAsync();
        var admin = Assert.Single(users);
        Assert.Equal("ops", admin.UserName);
        Assert.Equal(Appliance.Data.Model.ApplianceRoles.Admin, admin.Role);
        Assert.Equal(SignInOutcome.Succeeded, (await fixture.Services.GetRequiredService<UserStore>().SignInAsync("ops", "initial passphrase 1")).Outcome);
        Assert.False(fixture.Services.GetRequiredService<SetupCode>().IsPending);
        Assert.False(File.Exists(Path.Combine(fixture.DataDirectory, SetupCode.FileName)));
    }

    public sealed class SeededFixture : StoreFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Admin:InitialUser"] = "ops",
            ["Appliance:Admin:InitialPassword"] = "initial passphrase 1",
        };
    }
}
