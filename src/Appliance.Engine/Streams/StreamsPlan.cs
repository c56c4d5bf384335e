using System.Collections.Frozen;

namespace Appliance.Engine.Streams;

/// <summary>Every stream of one revision, found by port (listeners) and by server name (passthrough on the HTTPS port).</summary>
internal sealed class StreamsPlan
{
    public StreamsPlan(IReadOnlyList<StreamPlan> streams)
    {
        Streams = streams;
        ByPort = streams.Where(s => s.ListenPort is not null).ToFrozenDictionary(s => s.ListenPort!.Value);
        var byHost = new Dictionary<string, StreamPlan>(StringComparer.OrdinalIgnoreCase);
        foreach (var stream in streams)
        {
            foreach (var host in stream.SniHosts)
            {
                byHost.TryAdd(host, stream);
            }
        }

        _byServerName = byHost.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private readonly FrozenDictionary<string, StreamPlan> _byServerName;

    /// <summary>No stream.</summary>
    public static StreamsPlan Empty { get; } = new([]);

    /// <summary>Every stream, in name order.</summary>
    public IReadOnlyList<StreamPlan> Streams { get; }

    /// <summary>The streams with a port of their own.</summary>
    public FrozenDictionary<int, StreamPlan> ByPort { get; }

    /// <summary>Whether any stream takes connections from the HTTPS port by server name.</summary>
    public bool HasPassthrough => _byServerName.Count > 0;

    /// <summary>The passthrough stream for <paramref name="serverName"/>: the exact name, then the wildcard one label up, as certificates are chosen.</summary>
    public StreamPlan? ForServerName(string serverName)
    {
        if (_byServerName.TryGetValue(serverName, out var exact))
        {
            return exact;
        }

        var dot = serverName.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && _byServerName.TryGetValue("*" + serverName[dot..], out var wildcard) ? wildcard : null;
    }
}
