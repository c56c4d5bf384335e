using Appliance.Data.Providers;
using Appliance.Data.Users.Preferences;
using Appliance.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Appliance.Web.Components.Layout;

/// <summary>
/// The admin site's frame. The theme is the signed-in user's stored choice, read as the layout
/// starts (already while prerendering, so a Light or Dark choice shows from the first paint) and
/// written when they choose another; System follows the browser's preference, and its changes, once
/// the circuit can ask the browser.
/// </summary>
public partial class MainLayout : LayoutComponentBase
{
    private MudThemeProvider? _themeProvider;
    private ThemePreference _theme;
    private bool _systemDarkMode;
    private bool _drawerOpen = true;
    private bool _live;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private UserPreferencesStore Preferences { get; set; } = default!;

    [Inject]
    private AdminSessions Sessions { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool DarkMode => _theme switch
    {
        ThemePreference.Dark => true,
        ThemePreference.Light => false,
        _ => _systemDarkMode,
    };

    protected override async Task OnInitializedAsync()
    {
        if ((await AuthenticationState).User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            try
            {
                _theme = (await Preferences.GetAsync(name))?.Theme ?? ThemePreference.System;
            }
            catch (Exception ex) when (DatabaseOutage.IsCause(ex))
            {
                // A page that can still show something during an outage is not refused for its colours.
                _theme = ThemePreference.System;
            }
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _themeProvider is not null && RendererInfo.IsInteractive)
        {
            _systemDarkMode = await _themeProvider.GetSystemDarkModeAsync();
            await _themeProvider.WatchSystemDarkModeAsync(SystemDarkModeChangedAsync);
            _live = true;
            StateHasChanged();
        }
    }

    private Task SystemDarkModeChangedAsync(bool dark) => InvokeAsync(() =>
    {
        _systemDarkMode = dark;
        StateHasChanged();
    });

    /// <summary>
    /// Shows <paramref name="theme"/> at once and keeps it for the user. The session is checked first,
    /// as every save is: a user signed out elsewhere is sent to sign in rather than writing anything.
    /// </summary>
    private async Task ChooseThemeAsync(ThemePreference theme)
    {
        var previous = _theme;
        try
        {
            var user = (await AuthenticationState).User;
            if (await Sessions.ValidateNowAsync(user) is not { } session)
            {
                Navigation.NavigateTo("/login", forceLoad: true);
                return;
            }

            if (theme == ThemePreference.System && _themeProvider is not null)
            {
                // Not watched while another theme was chosen: the browser's preference may have changed since.
                _systemDarkMode = await _themeProvider.GetSystemDarkModeAsync();
            }

            _theme = theme;
            var result = await Preferences.SetAsync(session.User.UserName, new UserPreferences { Theme = theme });
            if (!result.Succeeded)
            {
                _theme = previous;
                Snackbar.Add($"The theme was not saved: {result.Detail}", Severity.Error);
            }
        }
        catch (Exception ex) when (DatabaseOutage.IsCause(ex))
        {
            _theme = previous;
            Snackbar.Add("The theme was not saved: the configuration database cannot be reached.", Severity.Error);
        }
    }
}
