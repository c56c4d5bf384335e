using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>
/// Fields a response names in its Connection field are for that hop alone (RFC 9110 §7.6.1): a proxy removes them
/// before forwarding, and a cache must not store them (RFC 9111 §3.1). The Connection field itself is already
/// hop-by-hop and never copied.
/// </summary>
internal static class ConnectionFields
{
    // The tokens backends send on nearly every response, as strings that already exist, so the
    // common response allocates nothing here.
    private static readonly string[] CommonTokens = ["keep-alive", "close", HeaderNames.Upgrade];

    /// <summary>Removes from <paramref name="headers"/> every field named in the Connection field of <paramref name="backend"/>.</summary>
    public static void Remove(IHeaderDictionary headers, HttpHeaders backend)
    {
        // Read as sent: the typed Connection collection parses the field, and allocates, on every response.
        if (!backend.NonValidated.TryGetValues(HeaderNames.Connection, out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            var field = value.AsSpan();
            foreach (var range in field.Split(','))
            {
                var token = field[range].Trim(" \t");
                if (!token.IsEmpty)
                {
                    headers.Remove(Name(token));
                }
            }
        }
    }

    private static string Name(ReadOnlySpan<char> token)
    {
        foreach (var common in CommonTokens)
        {
            if (token.Equals(common, StringComparison.OrdinalIgnoreCase))
            {
                return common;
            }
        }

        return token.ToString();
    }
}
