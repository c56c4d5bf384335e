using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Caching;

/// <summary>
/// Fields a response names in its Connection field are for that hop alone (RFC 9110 §7.6.1): a proxy removes them
/// before forwarding, and a cache must not store them (RFC 9111 §3.1). The Connection field itself is already
/// hop-by-hop and never copied.
/// </summary>
internal static class ConnectionFields
{
    /// <summary>Removes from <paramref name="headers"/> every field named in <paramref name="connection"/>'s tokens.</summary>
    public static void Remove(IHeaderDictionary headers, IEnumerable<string> connection)
    {
        foreach (var value in connection)
        {
            foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                headers.Remove(name);
            }
        }
    }
}
