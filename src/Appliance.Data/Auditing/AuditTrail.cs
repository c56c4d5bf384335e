using Appliance.Data.Entities;
using Appliance.Data.Store;

namespace Appliance.Data.Auditing;

/// <summary>Adds an audit entry to the unit of work that makes the change, so both are saved or neither.</summary>
internal static class AuditTrail
{
    public static void Add(ApplianceDbContext db, TimeProvider time, string actor, AuditAction action, string entityType, string entityName, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityName = entityName,
            Before = before is null ? null : ConfigJson.Serialize(before),
            After = after is null ? null : ConfigJson.Serialize(after),
        });
}
