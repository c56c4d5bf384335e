using Microsoft.Extensions.Logging;

namespace Appliance.Engine.DataPlane;

// Hands the data plane's log lines to the control plane's logging, so the process has one
// output, while the data plane keeps a logger factory of its own whose filters can differ.
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    // The target belongs to the control plane, which disposes it.
    public void Dispose()
    {
    }
}
