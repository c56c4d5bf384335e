using System.Text.Json;
using Appliance.Data.Entities;

namespace Appliance.Web.Api;

/// <summary>An audit entry with its before and after as JSON values rather than strings.</summary>
public sealed record AuditEntryResponse(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string EntityType,
    string EntityName,
    JsonElement? Before,
    JsonElement? After)
{
    internal static AuditEntryResponse From(AuditEntry entry) => new(
        entry.Id,
        entry.At,
        entry.Actor,
        entry.Action.ToString(),
        entry.EntityType,
        entry.EntityName,
        Parse(entry.Before),
        Parse(entry.After));

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
