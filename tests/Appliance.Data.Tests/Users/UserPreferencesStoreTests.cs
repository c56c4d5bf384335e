using Appliance.Data.Auditing;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Tests.Store;
using Appliance.Data.Users;
using Appliance.Data.Users.Preferences;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Users;

public sealed class UserPreferencesStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private UserPreferencesStore Preferences => fixture.Services.GetRequiredService<UserPreferencesStore>();

    private async Task<string> CreateAsync(string name)
    {
        Assert.True((await fixture.Services.GetRequiredService<UserStore>().CreateAsync(
            new NewUser { UserName = name, Password = "preferences passphrase", Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);
        return name;
    }

    [Fact]
    public async Task A_new_user_follows_the_system_and_a_choice_is_kept_for_that_user_alone()
    {
        var mia = await CreateAsync("Mia");
        var noah = await CreateAsync("noah");
        Assert.Equal(ThemePreference.System, (await Preferences.GetAsync(mia))!.Theme);

        var set = await Preferences.SetAsync("MIA", new UserPreferences { Theme = ThemePreference.Dark });

        Assert.Equal(StoreStatus.Ok, set.Status);
        Assert.Equal(ThemePreference.Dark, (await Preferences.GetAsync("mia"))!.Theme);
        Assert.Equal(ThemePreference.System, (await Preferences.GetAsync(noah))!.Theme);
        Assert.Null(await Preferences.GetAsync("nobody"));
        Assert.Equal(StoreStatus.NotFound, (await Preferences.SetAsync("nobody", new UserPreferences { Theme = ThemePreference.Light })).Status);
    }

    [Fact]
    public async Task A_change_is_audited_as_the_users_own_update_and_saving_the_same_again_is_not()
    {
        var olivia = await CreateAsync("olivia");
        var audit = fixture.Services.GetRequiredService<AuditLog>();

        Assert.True((await Preferences.SetAsync(olivia, new UserPreferences { Theme = ThemePreference.Light })).Succeeded);
        Assert.True((await Preferences.SetAsync(olivia, new UserPreferences { Theme = ThemePreference.Light })).Succeeded);

        var entries = (await audit.GetLatestAsync(100)).Where(e => e.EntityName == olivia && e.Action == AuditAction.Update).ToList();
        var entry = Assert.Single(entries);
        Assert.Equal((olivia, "user"), (entry.Actor, entry.EntityType));
        Assert.Equal("""{"theme":"System"}""", entry.Before);
        Assert.Equal("""{"theme":"Light"}""", entry.After);
    }

    [Fact]
    public async Task A_theme_that_does_not_exist_is_refused_by_field()
    {
        var pia = await CreateAsync("pia");

        var refused = await Preferences.SetAsync(pia, new UserPreferences { Theme = (ThemePreference)7 });

        Assert.Equal(StoreStatus.Invalid, refused.Status);
        Assert.Contains("theme", refused.Errors.Keys);
        Assert.Equal(ThemePreference.System, (await Preferences.GetAsync(pia))!.Theme);
    }
}
