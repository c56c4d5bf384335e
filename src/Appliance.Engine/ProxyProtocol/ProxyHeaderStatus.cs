namespace Appliance.Engine.ProxyProtocol;

/// <summary>What reading a PROXY header from the bytes received so far found.</summary>
public enum ProxyHeaderStatus
{
    /// <summary>More bytes are needed.</summary>
    Incomplete,

    /// <summary>A whole header: the connection's client is known (or is the balancer's own, for LOCAL and UNKNOWN).</summary>
    Parsed,

    /// <summary>Not a PROXY header, or a malformed one: the connection is closed.</summary>
    Invalid,
}
