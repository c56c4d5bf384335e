using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Engine.Caching;

namespace Appliance.Web.Tests.Caching;

/// <summary>
/// <see cref="CacheHost"/> with a disk tier in its data directory: 1 MiB of memory, 2 MiB of disk, and
/// objects over 64 KiB straight to disk.
/// </summary>
public sealed class DiskCacheHost : CacheHost
{
    public const long DiskBound = 2 * 1024 * 1024;

    public string DiskFolder => Path.Combine(DataDirectory, "cache");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Cache:MaxSizeMB"] = "1",
        ["Appliance:Cache:DiskPath"] = DiskFolder,
        ["Appliance:Cache:DiskMaxSizeMB"] = "2",
        ["Appliance:Cache:DiskThresholdKB"] = "64",
    };

    public ResponseCache Cache => App.Services.GetRequiredService<ResponseCache>();

    /// <summary>The disk tier's figures as the API reports them.</summary>
    public async Task<JsonElement> DiskAsync() =>
        (await Api.GetFromJsonAsync<JsonElement>("/api/v1/cache/overview")).GetProperty("disk");

    /// <summary>The cache file of one URL key's only variant, if the disk tier indexes one.</summary>
    public string? FileOf(string key) => Cache.Disk.Snapshot().SingleOrDefault(e => e.Key == key)?.Path;

    public async Task<string> MetricsAsync()
    {
        using var scraper = new HttpClient { BaseAddress = Api.BaseAddress };
        return await scraper.GetStringAsync("/metrics");
    }
}
