using Appliance.Data.Entities;
using Appliance.Data.Store;

namespace Appliance.Data.Auditing;

/// <summary>Adds an audit entry to the unit of work that makes the change, so both are saved or neither.</summary>
internal static class AuditTrail
{
    /// <summary>The length of the entity name column.</summary>
    public const int MaxEntityName = 200;

    public static void Add(ApplianceDbContext db, TimeProvider time, string actor, AuditAction action, string entityType, string entityName, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            EntityType = entityType,
            // The column holds 200 characters, and PostgreSQL refuses more: a long purged URL is
            // named by its start here and whole in the details.
            EntityName = entityName.Length > MaxEntityName ? entityName[..MaxEntityName] : entityName,
            Before = before is null ? null : ConfigJson.Serialize(before),
            After = after is null ? null : ConfigJson.Serialize(after),
        });
}
