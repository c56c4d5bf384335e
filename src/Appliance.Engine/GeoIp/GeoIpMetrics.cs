using Appliance.Engine.Metrics;

namespace Appliance.Engine.GeoIp;

/// <summary>The country database at <c>/metrics</c>: whether one is loaded, its lookups, and what country rules turned away.</summary>
internal sealed class GeoIpMetrics(CountryDatabase database, CountryBlocks blocks) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        // Always there: a node of several that lacks the database others have shows as 0.
        text.Single("appliance_geoip_database_loaded", "gauge", "1 while a country database is loaded for country rules, 0 when none is configured or it cannot be read.", database.Status().Loaded ? 1 : 0);
        if (!database.IsConfigured)
        {
            return;
        }

        var (lookups, unknown, failures) = database.Counts;
        text.Single("appliance_geoip_lookups_total", "counter", "Country lookups made for access lists with country rules.", lookups);
        text.Single("appliance_geoip_lookups_unknown_total", "counter", "Country lookups of addresses the database places in no country (they match no country rule).", unknown);
        text.Single("appliance_geoip_lookup_failures_total", "counter", "Country lookups the database could not answer.", failures);
        text.Family("appliance_country_blocked_requests_total", "counter", "Requests a country rule in an access list turned away, by country.");
        foreach (var (country, count) in blocks.Counts())
        {
            text.Sample("appliance_country_blocked_requests_total", PrometheusText.Label("country", country), count);
        }
    }
}
