using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Appliance.Data.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// Checks HTTP basic credentials (RFC 7617) against an access list's users. Password hashes are
/// deliberately slow, so a credential that verified is remembered for a few minutes, keyed by a
/// SHA-256 of the password and the hash it matched: a changed password or user invalidates it,
/// and the cache is bounded. Failures are never remembered as successes.
/// </summary>
public sealed class BasicAuthVerifier(TimeProvider time)
{
    private const int Capacity = 10_000;
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);

    private static readonly Lazy<string> DummyHash = new(() => BasicAuthPasswords.Hash("nobody", "not a password anyone has"));

    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);

    /// <summary>True when the request's Authorization header names a user of <paramref name="list"/> with the right password.</summary>
    internal bool IsAuthorized(HttpRequest request, CompiledAccessList list)
    {
        if (!TryRead(request.Headers.Authorization, out var user, out var password))
        {
            return false;
        }

        if (!list.Users.TryGetValue(user, out var hash))
        {
            // An unknown name costs as much as a wrong password, so timing does not tell which names exist.
            BasicAuthPasswords.Verify(user, DummyHash.Value, password);
            return false;
        }

        var key = list.Name + "\n" + user + "\n" + hash + "\n" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        var now = time.GetUtcNow();
        if (_verified.TryGetValue(key, out var until) && until > now)
        {
            return true;
        }

        if (!BasicAuthPasswords.Verify(user, hash, password))
        {
            return false;
        }

        if (_verified.Count >= Capacity)
        {
            _verified.Clear();
        }

        _verified[key] = now + Remember;
        return true;
    }

    /// <summary>The challenge a 401 carries.</summary>
    public static string Challenge(string realm) => $"Basic realm=\"{realm}\", charset=\"UTF-8\"";

    private static bool TryRead(StringValues authorization, out string user, out string password)
    {
        user = password = "";
        var value = authorization.ToString();
        if (!value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return false;
            }

            user = decoded[..colon];
            password = decoded[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
