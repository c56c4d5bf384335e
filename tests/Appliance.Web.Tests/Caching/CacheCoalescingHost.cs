using System.Net.Http.Json;

namespace Appliance.Web.Tests.Caching;

/// <summary>
/// <see cref="CacheHost"/> with a long coalescing timeout, so that a test can tell an answer that
/// waited for it from one that did not with a generous margin, and a rule for large objects.
/// </summary>
public sealed class CacheCoalescingHost : CacheHost
{
    public const int CoalescingTimeoutSeconds = 120;

    /// <summary>Larger than any socket buffers between the appliance and a client that stops reading.</summary>
    public const int LargeObjectBytes = 16 * 1024 * 1024;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Cache:CoalescingTimeoutSeconds"] = CoalescingTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var response = await Api.PostAsJsonAsync(
            "/api/v1/cache-rules",
            new { name = "d-large", route = "cache", match = "/large/", mode = "FollowOrigin", maxObjectBytes = 2 * LargeObjectBytes });
        response.EnsureSuccessStatusCode();
        await WaitForLiveConfigAsync();
    }
}
