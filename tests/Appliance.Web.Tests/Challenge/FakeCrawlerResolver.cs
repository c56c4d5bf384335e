using System.Collections.Concurrent;
using System.Net;
using Appliance.Engine.Challenge.Crawlers;

namespace Appliance.Web.Tests.Challenge;

/// <summary>DNS as the test says it is: reverse names per address, forward addresses per name, and how often each was asked.</summary>
public sealed class FakeCrawlerResolver : ICrawlerResolver
{
    public ConcurrentDictionary<IPAddress, string> Reverse { get; } = new();

    public ConcurrentDictionary<string, IPAddress[]> Forward { get; } = new(StringComparer.OrdinalIgnoreCase);

    private int _reverseLookups;

    public int ReverseLookups => Volatile.Read(ref _reverseLookups);

    public Task<string?> ReverseAsync(IPAddress address, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reverseLookups);
        return Task.FromResult(Reverse.TryGetValue(address, out var name) ? name : null);
    }

    public Task<IPAddress[]> ForwardAsync(string hostName, CancellationToken cancellationToken) =>
        Task.FromResult(Forward.TryGetValue(hostName, out var addresses) ? addresses : []);
}
