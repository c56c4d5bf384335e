using Appliance.Data.Entities;

namespace Appliance.Web.Components.Pages.Audit;

/// <summary>What the audit page narrows its entries to: words in who or what, a kind of object, an action; null for any.</summary>
public sealed record AuditFilter(string? Search = null, string? Type = null, AuditAction? Action = null)
{
    public bool Matches(AuditEntry entry) =>
        (Type is null || entry.EntityType == Type)
        && (Action is null || entry.Action == Action)
        && (string.IsNullOrWhiteSpace(Search)
            || entry.Actor.Contains(Search, StringComparison.OrdinalIgnoreCase)
            || entry.EntityName.Contains(Search, StringComparison.OrdinalIgnoreCase)
            || entry.EntityType.Contains(Search, StringComparison.OrdinalIgnoreCase));
}
