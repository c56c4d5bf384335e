using Appliance.Data.Entities;

namespace Appliance.Data.History;

/// <summary>
/// The one line a revision is listed with, in the words of the audit entry the same write added:
/// "route 'api' updated", "import", "restore of revision 12", "certificate 'web' issued".
/// </summary>
internal static class HistorySummary
{
    public const int MaxLength = 400;

    /// <summary>What a revision whose write left no audit entry is called; every write path adds one, so this is a safety net.</summary>
    public const string Unknown = "change";

    public static string Of(AuditEntry? audit)
    {
        if (audit is null)
        {
            return Unknown;
        }

        var summary = audit.Action switch
        {
            AuditAction.Import => "import",
            AuditAction.Restore => $"restore of {audit.EntityName}",
            _ => $"{audit.EntityType.Replace('-', ' ')} '{audit.EntityName}' {Verb(audit.Action)}",
        };
        return summary.Length > MaxLength ? summary[..MaxLength] : summary;
    }

    private static string Verb(AuditAction action) => action switch
    {
        AuditAction.Create => "created",
        AuditAction.Update => "updated",
        AuditAction.Delete => "deleted",
        AuditAction.Issue => "issued",
        AuditAction.Fail => "order failed",
        AuditAction.Replace => "replaced",
        _ => action.ToString().ToLowerInvariant(),
    };
}
