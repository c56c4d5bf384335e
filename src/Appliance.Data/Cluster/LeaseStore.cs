using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Cluster;

/// <summary>
/// Leases: a named piece of work that one node at a time may do, held by an owner until it expires.
/// Every decision is one conditional statement whose row count answers, so two nodes asking at
/// once can never both be told yes, on SQLite or PostgreSQL alike; a node that dies simply lets
/// its lease lapse.
/// </summary>
public sealed class LeaseStore(IDbContextFactory<ApplianceDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="owner"/> for <paramref name="ttl"/>: when
    /// nobody holds it, when its holder let it expire, or when <paramref name="owner"/> already holds it.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expires = now + ttl;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // A take-over: the WHERE is evaluated against the row as it is when the update runs, so of
        // two nodes racing for one lapsed lease only the first changes a row.
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.Owner == owner || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.AcquiredAt, now).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        // Never held before: whoever inserts first holds it; the others hit the primary key.
        db.Leases.Add(new LeaseEntity { Name = name, Owner = owner, AcquiredAt = now, ExpiresAt = expires });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
    }

    /// <summary>Extends a lease its owner still holds; false when it lapsed and someone else took it (stop working then).</summary>
    public async Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expires = now + ttl;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // A lapsed lease nobody took yet is still ours to renew: nobody else started the work.
        return await db.Leases
            .Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expires), cancellationToken) == 1;
    }

    /// <summary>Gives a lease back so others need not wait for its expiry; a lease someone else holds is left alone.</summary>
    public async Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Leases.Where(l => l.Name == name && l.Owner == owner).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    /// <summary>Who holds <paramref name="name"/> and until when, or null when nobody does (or the holder let it expire).</summary>
    public async Task<LeaseHolder?> GetHolderAsync(string name, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lease = await db.Leases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == name && l.ExpiresAt > now, cancellationToken);
        return lease is null ? null : new LeaseHolder(lease.Owner, lease.ExpiresAt);
    }
}
