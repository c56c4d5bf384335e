using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Caching;

/// <summary>
/// <see cref="CacheHost"/> with the cache's own targeted field renamed (<c>Edge-Cache-Control</c>), a rule that allows
/// heuristic freshness (<c>/heuristic/**</c>, at most an hour) and a second route, raw.test, in front of an origin that
/// writes raw bytes.
/// </summary>
public sealed class CacheConformanceHost : CacheHost
{
    public const string OwnField = "Edge-Cache-Control";

    public RawOrigin Raw { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Cache:TargetedFieldName"] = OwnField,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Raw = RawOrigin.Start();
        await AddPoolAsync(new { name = "raw", backends = new[] { new { address = Raw.Address } } });
        await AddRouteAsync(new { name = "raw", hosts = new[] { "raw.test" }, targets = new[] { new { pool = "raw", weight = 1 } }, compression = false });
        foreach (var rule in new object[]
        {
            new { name = "h-heuristic", route = "cache", match = "/heuristic/**", mode = "FollowOrigin", heuristicMaxSeconds = 3600 },
            new { name = "raw-all", route = "raw", match = "/", mode = "FollowOrigin" },
        })
        {
            using var response = await Api.PostAsJsonAsync("/api/v1/cache-rules", rule);
            response.EnsureSuccessStatusCode();
        }

        await WaitForLiveConfigAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Raw.DisposeAsync();
    }
}
