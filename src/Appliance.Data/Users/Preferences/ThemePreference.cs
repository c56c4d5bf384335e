using System.Text.Json.Serialization;

namespace Appliance.Data.Users.Preferences;

/// <summary>
/// The admin site's theme a user chose. <see cref="System"/>, the default, follows the browser's
/// light or dark preference, so a user who never chose sees what their system asks for.
/// </summary>
[JsonConverter(typeof(ThemePreferenceJsonConverter))]
public enum ThemePreference
{
    System,
    Light,
    Dark,
}
