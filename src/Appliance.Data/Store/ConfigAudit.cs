using Appliance.Data.Entities;

namespace Appliance.Data.Store;

/// <summary>The audit entry a change writes with itself: what it did to which object, before and after (as specs: never a password hash).</summary>
internal sealed record ConfigAudit(AuditAction Action, string EntityType, string EntityName, object? Before, object? After);
