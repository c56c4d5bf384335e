using Appliance.Data.Store;
using Appliance.Engine.DataPlane;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.GeoIp;

/// <summary>
/// Country rules: the operator's country database, shared by both servers (the data plane looks
/// countries up, the control plane's store asks whether country rules may be written, the match
/// tool shows an address's country) and what country rules turned away.
/// </summary>
internal static class GeoIpRegistration
{
    public static ApplianceEngineBuilder AddGeoIp(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<GeoIpOptions>(GeoIpOptions.SectionName)
            .AddShared<CountryDatabase>()
            .AddShared<CountryBlocks>();
        engine.Services.AddSingleton<ICountryRules>(sp => sp.GetRequiredService<CountryDatabase>());
        engine.Services.AddSingleton<Metrics.IMetricsSource, GeoIpMetrics>();
        return engine;
    }
}
