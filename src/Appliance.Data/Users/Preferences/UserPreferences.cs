namespace Appliance.Data.Users.Preferences;

/// <summary>
/// What a user chose for themselves in the admin site, as <c>GET/PUT /api/v1/account/preferences</c>
/// and the audit trail show it. Not configuration: it is not in the configuration export, and it
/// changes nothing the data plane does.
/// </summary>
public sealed record UserPreferences
{
    public required ThemePreference Theme { get; init; }
}
