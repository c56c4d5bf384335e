using System.Net;

namespace Appliance.Engine.Challenge.Crawlers;

/// <summary>The two DNS questions a crawler's verification asks; tests answer them without a DNS server.</summary>
public interface ICrawlerResolver
{
    /// <summary>The reverse (PTR) name of <paramref name="address"/>, or null when it has none.</summary>
    Task<string?> ReverseAsync(IPAddress address, CancellationToken cancellationToken);

    /// <summary>The addresses <paramref name="hostName"/> resolves to; empty when none.</summary>
    Task<IPAddress[]> ForwardAsync(string hostName, CancellationToken cancellationToken);
}
