using Appliance.Data.Entities;
using Appliance.Data.Users.Preferences;
using Appliance.Web.Components.Layout;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Extensions;

namespace Appliance.Web.Tests.Components.Layout;

/// <summary>
/// The layout's theme and app bar: the signed-in user's stored theme from the start, System as the
/// browser says, a choice in the phone menu stored for the user and audited, a signed-out session
/// sent to sign in without writing, and both forms of the app bar present for the CSS to pick.
/// </summary>
public sealed class MainLayoutTests : FormContext, IClassFixture<ConfigDatabase>
{
    public MainLayoutTests(ConfigDatabase database)
        : base(database)
    {
        Services.AddSingleton(database.Services.GetRequiredService<UserPreferencesStore>());
    }

    private UserPreferencesStore Preferences => Database.Services.GetRequiredService<UserPreferencesStore>();

    // The layout asks the browser once it is interactive, as it is on a circuit.
    private IRenderedComponent<MainLayout> RenderLayout()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<MainLayout>(parameters => parameters.Add(p => p.Body, (RenderFragment)(builder => builder.AddMarkupContent(0, "<p id=body>page</p>"))));
    }

    private bool IsDark(IRenderedComponent<MainLayout> layout) => layout.FindComponent<MudThemeProvider>().Instance.GetState(x => x.IsDarkMode);

    [Fact]
    public async Task The_stored_theme_applies_from_the_start_whatever_the_browser_prefers()
    {
        var name = UniqueName("dark");
        await SignInAsync(name);
        Assert.True((await Preferences.SetAsync(name, new UserPreferences { Theme = ThemePreference.Dark })).Succeeded);

        var layout = RenderLayout();

        layout.WaitForAssertion(() => Assert.Equal("live", layout.Find("[data-circuit]").GetAttribute("data-circuit")));
        Assert.True(IsDark(layout));
        Assert.Equal("page", layout.Find("#body").TextContent);

        // Both forms of the app bar are there; the stylesheet shows one per screen width.
        Assert.Contains("d-md-flex", layout.Find("[data-testid=app-bar-actions]").ClassList);
        Assert.Contains("d-none", layout.Find("[data-testid=app-bar-actions]").ClassList);
        Assert.Contains("d-md-none", layout.Find("[data-testid=app-bar-menu]").ParentElement!.ClassList);
        Assert.Contains($"{name} (Admin)", layout.Find("[data-testid=signed-in-user]").TextContent);
    }

    [Fact]
    public async Task System_follows_the_browser()
    {
        await SignInAsync(UniqueName("system"));
        JSInterop.Setup<bool>("mudThemeProvider.isDarkMode").SetResult(true);

        var layout = RenderLayout();

        layout.WaitForAssertion(() => Assert.True(IsDark(layout)));
        var provider = layout.FindComponent<MudThemeProvider>();
        Assert.True(provider.Instance.GetState(x => x.ObserveSystemDarkModeChange));

        // The browser's preference changes while the page is open: System follows it.
        await layout.InvokeAsync(() => provider.Instance.SystemDarkModeChangedAsync(false));
        layout.WaitForAssertion(() => Assert.False(IsDark(layout)));
    }

    [Fact]
    public async Task A_chosen_theme_does_not_watch_the_browser()
    {
        var name = UniqueName("light");
        await SignInAsync(name);
        Assert.True((await Preferences.SetAsync(name, new UserPreferences { Theme = ThemePreference.Light })).Succeeded);
        JSInterop.Setup<bool>("mudThemeProvider.isDarkMode").SetResult(true);

        var layout = RenderLayout();

        layout.WaitForAssertion(() => Assert.Equal("live", layout.Find("[data-circuit]").GetAttribute("data-circuit")));
        Assert.False(IsDark(layout));
        Assert.False(layout.FindComponent<MudThemeProvider>().Instance.GetState(x => x.ObserveSystemDarkModeChange));
    }

    [Fact]
    public async Task A_theme_chosen_in_the_phone_menu_is_shown_stored_and_audited()
    {
        var name = UniqueName("chooser");
        await SignInAsync(name);
        var layout = RenderLayout();
        layout.WaitForAssertion(() => Assert.Equal("live", layout.Find("[data-circuit]").GetAttribute("data-circuit")));
        Assert.False(IsDark(layout));

        await layout.InvokeAsync(() => layout.Find("[data-testid=app-bar-menu] button").Click());
        layout.WaitForAssertion(() => Assert.Equal("true", layout.Find("[data-theme-choice=System]").GetAttribute("data-chosen")));
        Assert.Contains($"{name} (Admin)", layout.Find("[data-testid=menu-signed-in-user]").TextContent);
        await layout.InvokeAsync(() => layout.Find("[data-theme-choice=Dark]").Click());

        layout.WaitForAssertion(() => Assert.True(IsDark(layout)));
        Assert.Equal(ThemePreference.Dark, (await Preferences.GetAsync(name))!.Theme);
        var entry = (await Database.Audit.GetLatestAsync(20)).First(e => e.EntityName == name);
        Assert.Equal((name, AuditAction.Update, "user"), (entry.Actor, entry.Action, entry.EntityType));
        Assert.Contains("\"Dark\"", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ended_elsewhere_is_sent_to_sign_in_and_stores_nothing()
    {
        var name = UniqueName("ended");
        var user = await SignInAsync(name);
        var layout = RenderLayout();
        layout.WaitForAssertion(() => Assert.Equal("live", layout.Find("[data-circuit]").GetAttribute("data-circuit")));
        Assert.True((await Database.Users.EndSessionsAsync(user.User.Id, Appliance.Data.Users.Editor.Authorized("test"))).Succeeded);

        await layout.InvokeAsync(() => layout.Find("[data-testid=app-bar-menu] button").Click());
        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("[data-theme-choice=Dark]")));
        await layout.InvokeAsync(() => layout.Find("[data-theme-choice=Dark]").Click());

        layout.WaitForAssertion(() => Assert.EndsWith("/login", Services.GetRequiredService<BunitNavigationManager>().Uri, StringComparison.Ordinal));
        Assert.Equal(ThemePreference.System, (await Preferences.GetAsync(name))!.Theme);
        Assert.False(IsDark(layout));
    }
}
