using MaxMind.Db;

namespace Appliance.Engine.GeoIp;

/// <summary>One opened database file and what the file looked like when it was opened, to notice a replacement.</summary>
internal sealed record LoadedCountryDatabase(Reader Reader, CountryDatabaseFileStamp Stamp, DateTimeOffset LoadedAt);
