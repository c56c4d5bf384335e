using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Engine.GeoIp;
using Appliance.Engine.Security.Shield;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/access-lists</c>, <c>/api/v1/rate-limits</c>, <c>/api/v1/security/blocked</c> and <c>/api/v1/security/geoip</c>: the shield in front of the routes.</summary>
internal static class ShieldEndpoints
{
    public static RouteGroupBuilder MapShieldEndpoints(this RouteGroupBuilder api)
    {
        var lists = api.MapConfigObjects(
            new ConfigObjectApi { Path = "/access-lists", Tag = "Security", DeleteMayConflict = true, NameFromUrl = true }, store => store.AccessLists);

        // "Which rule matches this address?" — the same compiled list the data plane uses.
        lists.MapGet("/{name}/match", async (string name, string? ip, ConfigStore store, CountryDatabase countries, CancellationToken ct) =>
            {
                if (!IPAddress.TryParse(ip, out var address))
                {
                    return ApiProblems.Invalid("ip", $"'{ip}' is not an IPv4 or IPv6 address.");
                }

                if (await store.AccessLists.GetAsync(name, ct) is not { } list)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no access list named '{name}'.");
                }

                var (allowed, rule) = new CompiledAccessList(list, countries).Decide(address);
                return Results.Ok(new
                {
                    ip = address.ToString(),

                    // The address's country whether or not a rule names one: null without a database or for an address in none.
                    country = countries.FindCountry(address),
                    action = allowed ? AccessActions.Allow : AccessActions.Deny,
                    rule = rule < 0 ? null : (int?)rule,
                    matched = rule < 0 ? null : list.Rules[rule],
                    byDefault = rule < 0,
                });
            });

        api.MapConfigObjects(
            new ConfigObjectApi { Path = "/rate-limits", Tag = "Security", DeleteMayConflict = true, NameFromUrl = true }, store => store.RateLimits);

        // Whether country rules can be used: the configured database, loaded or why not.
        api.MapGet("/security/geoip", (CountryDatabase countries) => Results.Ok(countries.Status()))
            .WithTags("Security");

        api.MapGet("/security/blocked", (ShieldLog log) => Results.Ok(new
            {
                counts = log.Counts().Select(c => new { reason = c.Reason, route = c.Route, count = c.Count }),
                latest = log.Latest(100),
            }))
            .WithTags("Security");
        return api;
    }
}
