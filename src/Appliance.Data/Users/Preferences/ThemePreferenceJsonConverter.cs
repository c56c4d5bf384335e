using System.Text.Json.Serialization;

namespace Appliance.Data.Users.Preferences;

/// <summary>
/// Theme names as the API and the audit trail show them (<c>"Dark"</c>); a number is refused rather
/// than read as whatever member it happens to index.
/// </summary>
internal sealed class ThemePreferenceJsonConverter() : JsonStringEnumConverter<ThemePreference>(namingPolicy: null, allowIntegerValues: false);
