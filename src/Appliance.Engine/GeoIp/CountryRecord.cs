using MaxMind.Db;

namespace Appliance.Engine.GeoIp;

/// <summary>
/// The one part of a country database's record a country rule reads. GeoIP2's own model decodes the
/// continent, the registered and represented countries and every language's names on each lookup;
/// this decodes the code alone.
/// </summary>
internal sealed class CountryRecord
{
    [Constructor]
    public CountryRecord([MapKey("country")] CountryCode? country)
    {
        IsoCode = country?.IsoCode;
    }

    public string? IsoCode { get; }
}
