using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Cluster;

/// <summary>
/// ACME challenge answers where every node reads them, so the CA may validate on whichever node
/// its request reaches. Rows are written by the node placing the order before it asks the CA to
/// validate and removed when the order ends; an expiry cleans up after a node that died mid-order.
/// Nothing stored here is secret: an HTTP-01 key authorization is what the node serves to anyone
/// asking for its token, and a TLS-ALPN-01 row holds the same, from which each node makes its own
/// throw-away validation certificate.
/// </summary>
public sealed class AcmeChallengeStore(IDbContextFactory<ApplianceDbContext> contexts, TimeProvider time)
{
    /// <summary>Type of an HTTP-01 answer: key the token, value the key authorization.</summary>
    public const string Http01 = "http-01";

    /// <summary>Type of a TLS-ALPN-01 answer: key the host name, value the key authorization.</summary>
    public const string TlsAlpn01 = "tls-alpn-01";

    /// <summary>Publishes an answer until <paramref name="expiresAt"/> (replacing one for the same key), and drops lapsed ones.</summary>
    public async Task PutAsync(string type, string key, string value, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.AcmeChallenges.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var updated = await db.AcmeChallenges.Where(c => c.Type == type && c.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, value).SetProperty(c => c.ExpiresAt, expiresAt), cancellationToken);
        if (updated == 0)
        {
            db.AcmeChallenges.Add(new AcmeChallengeEntity { Type = type, Key = key, Value = value, ExpiresAt = expiresAt });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Withdraws an answer once its order has ended.</summary>
    public async Task RemoveAsync(string type, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.AcmeChallenges.Where(c => c.Type == type && c.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The live answer for <paramref name="key"/>, or null.</summary>
    public async Task<string?> FindAsync(string type, string key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AcmeChallenges.AsNoTracking()
            .Where(c => c.Type == type && c.Key == key && c.ExpiresAt > now)
            .Select(c => c.Value)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Every live answer, at most <paramref name="most"/>: a handful while orders run, none otherwise.
    /// Nodes read them all once a second, so that no request ever waits on this table.
    /// </summary>
    public async Task<IReadOnlyList<AcmeChallengeAnswer>> ListLiveAsync(int most, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AcmeChallenges.AsNoTracking()
            .Where(c => c.ExpiresAt > now)
            .OrderBy(c => c.ExpiresAt)
            .Take(most)
            .Select(c => new AcmeChallengeAnswer(c.Type, c.Key, c.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Whether any node is validating an order now: one indexed look at the expiry column.</summary>
    public async Task<bool> AnyLiveAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AcmeChallenges.AnyAsync(c => c.ExpiresAt > now, cancellationToken);
    }
}
