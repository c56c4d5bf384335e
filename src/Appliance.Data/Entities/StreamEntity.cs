namespace Appliance.Data.Entities;

internal sealed class StreamEntity : INamedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int? ListenPort { get; set; }
    public List<string> SniHosts { get; set; } = [];
    public string Pool { get; set; } = "";
    public bool ProxyProtocol { get; set; }
    public string? AccessList { get; set; }
    public int MaxConnections { get; set; }
    public int IdleTimeoutSeconds { get; set; }
    public int ConnectTimeoutSeconds { get; set; }
}
