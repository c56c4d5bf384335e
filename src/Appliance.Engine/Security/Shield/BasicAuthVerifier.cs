using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Appliance.Data.Counters;
using Appliance.Data.Networking;
using Appliance.Data.Passwords;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// Checks HTTP basic credentials (RFC 7617) against an access list's users. Password hashes are
/// deliberately slow, so a credential that verified is remembered for a few minutes, keyed by a
/// SHA-256 of the password and the hash it matched: a changed password or user invalidates it,
/// and the cache is bounded. Failures are never remembered as successes. Because each wrong guess
/// costs a full hash, guesses are counted per client address or IPv6 /64
/// (<see cref="BasicAuthThrottle"/>), counted before the hash and forgiven when right; one address
/// has one hash computed at a time, and only so many at once for everyone: a guess waits briefly
/// for its address's turn (then 429) and for a slot (then 503).
/// </summary>
public sealed class BasicAuthVerifier(TimeProvider time, DataPlane.ProxyOptions options, SharedCounters shared)
{
    private const int Capacity = 10_000;
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SlotWait = TimeSpan.FromSeconds(2);

    private static readonly Lazy<string> DummyHash = new(() => PasswordHashes.Hash("not a password anyone has"));

    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);
    private readonly BasicAuthThrottle _throttle = new(options.BasicAuth, time);
    private readonly SemaphoreSlim? _slots = options.BasicAuth.MaxConcurrentVerifications > 0
        ? new SemaphoreSlim(options.BasicAuth.MaxConcurrentVerifications)
        : null;

    private readonly SharedBasicAuthFailures _sharedFailures = new(shared, options.BasicAuth);

    private int _running;
    private int _peak;
    private long _computed;

    /// <summary>A verifier that counts failures on this node alone.</summary>
    public BasicAuthVerifier(TimeProvider time, DataPlane.ProxyOptions options)
        : this(time, options, SharedCounters.PerNode)
    {
    }

    /// <summary>Password hashes being verified right now.</summary>
    public int RunningVerifications => Volatile.Read(ref _running);

    /// <summary>The most password hashes verified at once since start.</summary>
    public int PeakVerifications => Volatile.Read(ref _peak);

    /// <summary>Password hashes verified since start.</summary>
    internal long ComputedVerifications => Interlocked.Read(ref _computed);

    /// <summary>Client addresses (IPv6: /64 prefixes) whose wrong guesses or checks are being counted.</summary>
    public int TrackedAddresses => _throttle.Tracked;

    /// <summary>
    /// Whether the request's Authorization header names a user of <paramref name="list"/> with the
    /// right password; with the seconds to wait when the client is throttled or no slot came free.
    /// </summary>
    internal async ValueTask<BasicAuthResult> VerifyAsync(
        HttpRequest request, CompiledAccessList list, IPAddress client, CancellationToken cancellationToken)
    {
        // A blocked address learns nothing more, not even that a remembered password is right.
        var clientKey = AddressKeys.ThrottleKey(client);
        if (_throttle.IsBlocked(clientKey, out var blockedFor))
        {
            return BasicAuthResult.Throttled(blockedFor);
        }

        // No credentials is how every browser starts: a challenge, not a guess.
        if (!TryRead(request.Headers.Authorization, out var user, out var password))
        {
            return BasicAuthResult.Refused;
        }

        var known = list.Users.TryGetValue(user, out var hash);
        // Not keyed by list: the same user and hash in another list is the same check.
        var key = known ? user + "\n" + hash + "\n" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(password))) : null;
        if (IsRemembered(key))
        {
            return BasicAuthResult.Authorized(user, hash!);
        }

        // One check at a time per client key: a flood from one address queues here, holding no
        // hashing slot, and meets its block as soon as the failures that earn it are in.
        using var turn = await _throttle.TakeTurnAsync(clientKey, SlotWait, cancellationToken);
        if (turn is null)
        {
            return BasicAuthResult.Throttled(TimeSpan.FromSeconds(1));
        }

        // A request with the same credentials may have had them verified while this one waited.
        if (IsRemembered(key))
        {
            return BasicAuthResult.Authorized(user, hash!);
        }

        if (!turn.Begin(out blockedFor))
        {
            return BasicAuthResult.Throttled(blockedFor);
        }

        // Counted across nodes too, before the hash: a key blocked on another node meets its block
        // here, at the first password this node would check. Asked before a hashing slot is taken,
        // so that a slow Redis delays only this client's turn, never everyone's hashing.
        if (_sharedFailures.IsEnabled && await _sharedFailures.BeginAsync(clientKey) is { } sharedBlock && sharedBlock > TimeSpan.Zero)
        {
            turn.Block(sharedBlock);
            return BasicAuthResult.Throttled(sharedBlock);
        }

        if (_slots is not null && !await _slots.WaitAsync(SlotWait, cancellationToken))
        {
            return BasicAuthResult.Busy(TimeSpan.FromSeconds(1));
        }

        bool verified;
        try
        {
            // The slot may have taken a while: the block is checked again before the hash is paid.
            if (_throttle.IsBlocked(clientKey, out blockedFor))
            {
                return BasicAuthResult.Throttled(blockedFor);
            }

            Interlocked.Increment(ref _computed);
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _peak, running);
            try
            {
                // An unknown name costs as much as a wrong password, so timing does not tell which names exist.
                verified = PasswordHashes.Verify(known ? hash! : DummyHash.Value, password).Matches && known;
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
        finally
        {
            _slots?.Release();
        }

        if (!verified)
        {
            turn.Fail();
            if (_sharedFailures.IsEnabled && await _sharedFailures.FailAsync(clientKey) is { } blocked && blocked > TimeSpan.Zero)
            {
                turn.Block(blocked);
            }

            return BasicAuthResult.Refused;
        }

        turn.Forgive();
        if (_sharedFailures.IsEnabled)
        {
            await _sharedFailures.ForgiveAsync(clientKey);
        }

        if (_verified.Count >= Capacity)
        {
            _verified.Clear();
        }

        _verified[key!] = time.GetUtcNow() + Remember;
        return BasicAuthResult.Authorized(user, hash!);
    }

    /// <summary>The challenge a 401 carries.</summary>
    public static string Challenge(string realm) => $"Basic realm=\"{realm}\", charset=\"UTF-8\"";

    private bool IsRemembered(string? key) => key is not null && _verified.TryGetValue(key, out var until) && until > time.GetUtcNow();

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

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
