using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Auditing;

/// <summary>
/// Reads the audit trail that <see cref="Store.ConfigStore"/> writes, and records the operator
/// actions that change no configuration (a cache purge).
/// </summary>
public sealed class AuditLog(IDbContextFactory<ApplianceDbContext> contexts, TimeProvider time)
{
    public const int MaxTake = 1000;

    /// <summary>Records an action of <paramref name="actor"/> on something that is not configuration.</summary>
    public async Task RecordAsync(string actor, AuditAction action, string entityType, string entityName, object? details, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        AuditTrail.Add(db, time, actor, action, entityType, entityName, before: null, after: details);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="take"/> entries written after the one with id <paramref name="afterId"/>, oldest first: what a follower of the trail has not seen yet.</summary>
    public async Task<IReadOnlyList<AuditEntry>> GetAfterAsync(long afterId, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).Take(Math.Clamp(take, 1, MaxTake)).ToListAsync(cancellationToken);
    }

    /// <summary>The newest <paramref name="take"/> entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> GetLatestAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Ids rise with time; SQLite cannot order by a DateTimeOffset column.
        return await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(Math.Clamp(take, 1, MaxTake)).ToListAsync(cancellationToken);
    }
}
