namespace Appliance.Data.Store;

/// <summary>No country database: the store alone (tools, data-layer tests) refuses country rules.</summary>
internal sealed class NoCountryDatabase : ICountryRules
{
    public const string Message =
        "Country rules need Appliance:GeoIP:DatabasePath: set it to a MaxMind country database (.mmdb, GeoLite2-Country or GeoIP2-Country) and restart.";

    public string? Refusal() => Message;
}
