using Appliance.Data.Entities;
using Appliance.Data.Model;

namespace Appliance.Data.ConfigKinds.Streams;

internal sealed class StreamMapper : IConfigMapper<StreamSpec, StreamEntity>
{
    public StreamSpec ToSpec(StreamEntity stream) => new()
    {
        Name = stream.Name,
        ListenPort = stream.ListenPort,
        SniHosts = stream.SniHosts.ToArray(),
        Pool = stream.Pool,
        ProxyProtocol = stream.ProxyProtocol,
        AccessList = stream.AccessList,
        MaxConnections = stream.MaxConnections,
        IdleTimeoutSeconds = stream.IdleTimeoutSeconds,
        ConnectTimeoutSeconds = stream.ConnectTimeoutSeconds,
    };

    public void Apply(StreamSpec spec, StreamEntity stream, ApplianceDbContext db)
    {
        stream.Name = spec.Name;
        stream.ListenPort = spec.ListenPort;
        stream.SniHosts = spec.SniHosts.ToList();
        stream.Pool = spec.Pool;
        stream.ProxyProtocol = spec.ProxyProtocol;
        stream.AccessList = spec.AccessList;
        stream.MaxConnections = spec.MaxConnections;
        stream.IdleTimeoutSeconds = spec.IdleTimeoutSeconds;
        stream.ConnectTimeoutSeconds = spec.ConnectTimeoutSeconds;
    }
}
