using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Auditing;

/// <summary>Reads the audit trail that <see cref="Store.ConfigStore"/> writes.</summary>
public sealed class AuditLog(IDbContextFactory<ApplianceDbContext> contexts)
{
    public const int MaxTake = 1000;

    /// <summary>The newest <paramref name="take"/> entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> GetLatestAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Ids rise with time; SQLite cannot order by a DateTimeOffset column.
        return await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(Math.Clamp(take, 1, MaxTake)).ToListAsync(cancellationToken);
    }
}
