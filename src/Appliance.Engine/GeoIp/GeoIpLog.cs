using Microsoft.Extensions.Logging;

namespace Appliance.Engine.GeoIp;

/// <summary>The country database's log messages.</summary>
internal static partial class GeoIpLog
{
    [LoggerMessage(EventId = 3701, Level = LogLevel.Information, Message = "Country database {Path} loaded: {DatabaseType}, built {BuiltAt:u}.")]
    public static partial void Loaded(this ILogger logger, string path, string databaseType, DateTimeOffset builtAt);

    [LoggerMessage(EventId = 3702, Level = LogLevel.Warning, Message = "Country database {Path} cannot be read ({Error}); country rules keep the database loaded before, if any, and match nothing without one.")]
    public static partial void LoadFailed(this ILogger logger, string path, string error);

    [LoggerMessage(EventId = 3703, Level = LogLevel.Warning, Message = "Country lookup failed in {Path} ({Error}); the address matches no country rule.")]
    public static partial void LookupFailed(this ILogger logger, string path, string error);
}
