namespace Appliance.Data.Store;

/// <summary>
/// The ports the appliance itself listens on (data-plane HTTP and HTTPS, the admin site), which a
/// stream may not take. The engine knows them; the store asks at every write, so a port picked at
/// start (0 in tests) is known once it is bound.
/// </summary>
public interface IReservedPorts
{
    /// <summary>Each port in use and what listens on it, in words for a message: <c>the data plane's HTTP port</c>.</summary>
    IReadOnlyDictionary<int, string> Read();
}
