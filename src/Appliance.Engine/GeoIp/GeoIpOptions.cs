namespace Appliance.Engine.GeoIp;

/// <summary>The country database that access-list country rules read, bound from <c>Appliance:GeoIP</c>.</summary>
public sealed class GeoIpOptions
{
    public const string SectionName = "Appliance:GeoIP";

    /// <summary>The configuration key named in messages when no database is set.</summary>
    public const string DatabasePathKey = SectionName + ":DatabasePath";

    /// <summary>
    /// A MaxMind country database (<c>GeoLite2-Country.mmdb</c> or <c>GeoIP2-Country.mmdb</c>) the
    /// operator downloads and keeps up to date; empty means no country rules.
    /// </summary>
    public string? DatabasePath { get; set; }
}
