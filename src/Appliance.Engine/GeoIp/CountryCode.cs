using MaxMind.Db;

namespace Appliance.Engine.GeoIp;

/// <summary>A record's <c>country</c> map, of which only <c>iso_code</c> is read.</summary>
internal sealed class CountryCode
{
    [Constructor]
    public CountryCode([MapKey("iso_code")] string? isoCode)
    {
        IsoCode = isoCode;
    }

    public string? IsoCode { get; }
}
