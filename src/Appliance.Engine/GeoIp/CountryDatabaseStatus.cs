namespace Appliance.Engine.GeoIp;

/// <summary>
/// What the country database looks like now, for the API and the Security page: the configured
/// path, whether a database is loaded, its type and build date, and why not when it is not.
/// </summary>
public sealed record CountryDatabaseStatus(string? Path, bool Loaded, string? DatabaseType, DateTimeOffset? BuiltAt, DateTimeOffset? LoadedAt, string? Problem);
