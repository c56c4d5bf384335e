using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Appliance.Engine.Cluster;

/// <summary>Where this node listens: the admin site's URLs, then the data plane's HTTP and HTTPS endpoints, with real ports.</summary>
internal sealed class NodeAddresses(IServer controlPlane, DataPlaneHost dataPlane)
{
    public IReadOnlyList<string> Read() =>
        [.. controlPlane.Features.Get<IServerAddressesFeature>()?.Addresses ?? [], .. dataPlane.Addresses];
}
