using System.Net;
using System.Net.Sockets;

namespace Appliance.Web.Tests.Infrastructure;

public static class Ports
{
    /// <summary>A loopback port that nothing listens on: a backend that refuses connections.</summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
