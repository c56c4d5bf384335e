namespace Appliance.Data.Entities;

/// <summary>What an audited change did.</summary>
public enum AuditAction
{
    Create,
    Update,
    Delete,
    Import,
}
