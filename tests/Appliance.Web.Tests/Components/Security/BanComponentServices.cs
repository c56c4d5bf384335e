using Appliance.Data.Bans;
using Appliance.Data.Counters;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Security.Bans;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Web.Tests.Components.Security;

/// <summary>
/// What the Security page's bans section injects, made over a component test's database: a real
/// ban table and service (no Redis), 10.0.0.1 a trusted proxy, loopback exempt as by default.
/// </summary>
public static class BanComponentServices
{
    public static void AddTo(IServiceCollection services, ConfigDatabase database)
    {
        var options = new BanOptions();
        var table = new BanTable(options, TimeProvider.System);
        var shared = new SharedBanStore(database.Services.GetRequiredService<RedisConnection>(), database.Services.GetRequiredService<RedisOptions>(), TimeProvider.System);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(table);
        services.AddSingleton(new BanService(
            table,
            new BanCounter(options, TimeProvider.System),
            new BanExemptions(new ProxyOptions { TrustedProxies = ["10.0.0.1"] }, options),
            new BanStatistics(),
            new BanChangeQueue(shared),
            database.Audit,
            TimeProvider.System,
            NullLogger<BanService>.Instance));
    }
}
