using System.Net;
using System.Net.Sockets;

namespace Appliance.Engine.Challenge.Crawlers;

/// <summary>The system's resolver: what the machine's DNS says, failures read as "no answer".</summary>
internal sealed class DnsCrawlerResolver : ICrawlerResolver
{
    public async Task<string?> ReverseAsync(IPAddress address, CancellationToken cancellationToken)
    {
        try
        {
            var entry = await Dns.GetHostEntryAsync(address.ToString(), cancellationToken);
            return string.IsNullOrEmpty(entry.HostName) || entry.HostName == address.ToString() ? null : entry.HostName;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    public async Task<IPAddress[]> ForwardAsync(string hostName, CancellationToken cancellationToken)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(hostName, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}
