using Microsoft.Extensions.Hosting;

namespace Appliance.Engine.DataPlane;

// The data plane lives inside the control plane's host: only that host listens for Ctrl+C and
// SIGTERM and stops the data plane in its turn, so the two never race to shut down.
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
