using Appliance.Data.Model;
using Appliance.Engine.Security.Shield;

namespace Appliance.Engine.Streams;

/// <summary>One stream as the data plane runs it at one revision: where it listens, its pool, its access list compiled, its limits.</summary>
internal sealed class StreamPlan(StreamSpec spec, CompiledAccessList? accessList)
{
    public string Name { get; } = spec.Name;

    /// <summary>Its own port; null for an SNI passthrough stream.</summary>
    public int? ListenPort { get; } = spec.ListenPort;

    public IReadOnlyList<string> SniHosts { get; } = spec.SniHosts;

    public string Pool { get; } = spec.Pool;

    public bool SendProxyHeader { get; } = spec.ProxyProtocol;

    /// <summary>Decides on the client address at accept; null lets every client in.</summary>
    public CompiledAccessList? AccessList { get; } = accessList;

    public int MaxConnections { get; } = spec.MaxConnections;

    public TimeSpan IdleTimeout { get; } = TimeSpan.FromSeconds(spec.IdleTimeoutSeconds);

    public TimeSpan ConnectTimeout { get; } = TimeSpan.FromSeconds(spec.ConnectTimeoutSeconds);

    /// <summary>Where it takes connections, in words for the dashboard: <c>port 15432</c>, <c>SNI db.example.com</c>.</summary>
    public string Listen => ListenPort is { } port ? $"port {port}" : "SNI " + string.Join(", ", SniHosts);
}
