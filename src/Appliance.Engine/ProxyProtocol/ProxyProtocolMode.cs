namespace Appliance.Engine.ProxyProtocol;

/// <summary>Whether connections to the data plane begin with a PROXY protocol header.</summary>
public enum ProxyProtocolMode
{
    /// <summary>Clients connect directly; the connection's own address is the client's.</summary>
    Off,

    /// <summary>
    /// Every connection comes from an L4 balancer in <see cref="ProxyProtocolOptions.TrustedSources"/>
    /// and begins with a PROXY header (v1 or v2) naming the real client; any other is closed.
    /// </summary>
    Required,
}
