using System.Net;

namespace Appliance.Engine.Health;

/// <summary>
/// Where a backend accepts TCP connections: the host and port of its address
/// (<c>http://10.0.0.5:5432</c> is 10.0.0.5 port 5432; without a port, the scheme's). What TCP
/// probes and streams connect to.
/// </summary>
internal static class BackendEndpoint
{
    /// <summary>The endpoint of <paramref name="address"/>, or null when it names no host and port.</summary>
    public static EndPoint? Of(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Port is < 1 or > 65535 || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        // IdnHost drops an IPv6 literal's brackets and turns an international name into its ASCII form.
        var host = uri.IdnHost;
        return IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, uri.Port) : new DnsEndPoint(host, uri.Port);
    }
}
