using System.Globalization;
using Appliance.Data.Store;
using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Appliance.Engine.Streams;

/// <summary>
/// The ports a stream may not take: the data plane's HTTP and HTTPS ports as configured and as
/// bound (port 0 picks one at start), and the admin site's.
/// </summary>
internal sealed class AppliancePorts(ProxyOptions options, DataPlaneHost dataPlane, IServer controlPlane) : IReservedPorts
{
    private const string Http = "the data plane's HTTP port";
    private const string Https = "the data plane's HTTPS port (use SNI hosts to share it)";
    private const string Admin = "the admin site's port";

    public IReadOnlyDictionary<int, string> Read()
    {
        var ports = new Dictionary<int, string>();
        foreach (var address in controlPlane.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            Add(ports, PortOf(address), Admin);
        }

        foreach (var address in dataPlane.Addresses)
        {
            Add(ports, PortOf(address), address.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? Https : Http);
        }

        Add(ports, options.HttpPort, Http);
        Add(ports, options.HttpsPort, Https);
        return ports;
    }

    private static void Add(Dictionary<int, string> ports, int port, string owner)
    {
        if (port > 0)
        {
            ports[port] = owner;
        }
    }

    // "http://127.0.0.1:8080", "https://[::]:8443": the number after the last colon.
    private static int PortOf(string address)
    {
        var colon = address.LastIndexOf(':');
        return colon > 0 && int.TryParse(address.AsSpan(colon + 1).TrimEnd('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : 0;
    }
}
