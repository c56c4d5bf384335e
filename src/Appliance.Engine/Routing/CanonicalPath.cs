using System.Buffers;
using System.Text;
using Appliance.Engine.DataPlane;

namespace Appliance.Engine.Routing;

/// <summary>
/// The one form of a request's path that every decision is made on and that the backend gets, so
/// that the proxy and the backend can never disagree about which resource a request names. Made
/// from the request target as the client sent it: backslashes count as slashes (as browsers read
/// them), repeated slashes are merged, dot segments are resolved (also when percent-encoded), and
/// <c>;</c> path parameters are removed from every segment, because servlet containers drop them
/// before routing and would otherwise read <c>/admin;x/secret</c> as <c>/admin/secret</c>.
/// </summary>
/// <remarks>
/// Two spellings of that one path: <see cref="Forward"/> keeps the client's percent-encodings of
/// reserved characters (<c>%2F</c> reaches the backend as sent, never as <c>%252F</c>) and is what
/// the backend, the cache key and redirects use; <see cref="Decision"/> is fully decoded, with
/// encoded slashes and backslashes read as separators too, so that a route, access list or cache
/// rule decides on the most separated reading any backend could make of the request. Where the
/// two readings would name different places (a dot segment behind an encoded separator) or the
/// decoded bytes are not UTF-8, the path is refused rather than guessed at.
/// </remarks>
internal sealed class CanonicalPath
{
    // Paths up to this long are worked on the stack; longer ones in pooled buffers.
    private const int StackChars = 256;

    private CanonicalPath(string decision, string forward)
    {
        Decision = decision;
        Forward = forward;
    }

    /// <summary>Decoded, for matching: what routes, access lists and cache rules decide on.</summary>
    public string Decision { get; }

    /// <summary>Percent-encoded as the client encoded it, for the backend and the cache key.</summary>
    public string Forward { get; }

    /// <summary>
    /// The path <paramref name="request"/> is forwarded with, percent-encoded: what the backend
    /// gets, so also what the cache keys on and redirects name.
    /// </summary>
    public static string ForwardOf(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.HttpContext.Features.Lookup<CanonicalPath>()?.Forward ?? request.Path.ToUriComponent();

    /// <summary>
    /// Reads the path of a request target (origin or absolute form). Null when the target is
    /// already canonical as it is (the common case, which costs one scan), or names no path
    /// (<c>*</c>, authority form). <paramref name="valid"/> is false when the path is refused: it
    /// decodes to a control character or to bytes that are not UTF-8, or an encoded separator
    /// hides a dot segment. Path parameters are stripped.
    /// </summary>
    public static CanonicalPath? From(string rawTarget, out bool valid) => From(rawTarget, PathParameterMode.Strip, out valid);

    /// <summary>
    /// <see cref="From(string, out bool)"/>, with <c>;</c> path parameters handled as
    /// <paramref name="parameters"/> says: stripped, or any raw one refused.
    /// </summary>
    public static CanonicalPath? From(string rawTarget, PathParameterMode parameters, out bool valid)
    {
        var path = PathOf(rawTarget);

        // Where ";" is data, cutting it off would send the backend another resource.
        valid = parameters != PathParameterMode.Reject || !path.Contains(';');
        if (!valid || path.IsEmpty || IsAlreadyCanonical(path))
        {
            return null;
        }

        var forward = SpellForward(path);

        // Without an escape the decoded path is the forward one: nothing to decode, nothing to hide.
        var decision = forward.Contains('%', StringComparison.Ordinal) ? Decide(forward) : forward;
        valid = decision is not null;
        return decision is null ? null : new CanonicalPath(decision, forward);
    }

    private static ReadOnlySpan<char> PathOf(string rawTarget)
    {
        var target = rawTarget.AsSpan();
        var query = target.IndexOf('?');
        if (query >= 0)
        {
            target = target[..query];
        }

        if (target.StartsWith("/"))
        {
            return target;
        }

        // Absolute form (RFC 9112 §3.2.2): the path starts after the authority.
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return default;
        }

        var afterAuthority = target[(scheme + 3)..];
        var slash = afterAuthority.IndexOf('/');
        return slash < 0 ? "/" : afterAuthority[slash..];
    }

    private static bool IsAlreadyCanonical(ReadOnlySpan<char> path) =>
        !path.ContainsAnyExcept(CanonicalPathForward.PlainChars) && !path.Contains("//", StringComparison.Ordinal) && !path.Contains("/.", StringComparison.Ordinal);

    // The slow path is the one an attacker picks, so it allocates the result and nothing else.
    private static string SpellForward(ReadOnlySpan<char> path)
    {
        var capacity = CanonicalPathForward.Capacity(path);
        char[]? rented = null;
        var buffer = capacity <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            return new string(buffer[..CanonicalPathForward.Write(path, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static string? Decide(string forward)
    {
        byte[]? rented = null;
        var buffer = forward.Length < StackChars ? stackalloc byte[StackChars] : (rented = ArrayPool<byte>.Shared.Rent(forward.Length + 1));
        try
        {
            var length = CanonicalPathDecision.Write(forward, buffer);
            return length < 0 ? null : Encoding.UTF8.GetString(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
