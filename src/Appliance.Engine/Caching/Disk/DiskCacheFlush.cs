using Microsoft.Extensions.Hosting;

namespace Appliance.Engine.Caching.Disk;

/// <summary>
/// On a clean stop, writes what only memory holds to the disk tier, so that the hot set survives a
/// restart as well as what was already on disk. A crash loses the memory tier only.
/// </summary>
internal sealed class DiskCacheFlush(ResponseCache cache) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (!cache.Disk.IsEnabled)
        {
            return Task.CompletedTask;
        }

        foreach (var entry in cache.Snapshot())
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (!(entry.DiskCopy is { } copy && cache.Disk.Holds(copy)))
            {
                cache.Disk.Write(entry);
            }
        }

        return Task.CompletedTask;
    }
}
