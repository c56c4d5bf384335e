using Appliance.Data.Auditing;
using Appliance.Data.Cluster;
using Appliance.Data.Entities;
using Appliance.Data.Model;

namespace Appliance.Engine.Alerts;

/// <summary>
/// Raises <see cref="AlertEvents.ConfigChanged"/> for every new entry of the audit trail: who did
/// what to which object. Reading the trail, rather than hooking the write path, keeps every
/// configuration write free of alerting and sends each change once, from the lease holder,
/// whichever node made it. Failed ACME attempts are left to <see cref="AlertEvents.CertificateFailed"/>.
/// </summary>
internal sealed class AuditAlertSource(AuditLog audit, AlertQueue queue, AlertOptions options, NodeIdentity node, AlertLease lease, TimeProvider time)
    : LeaderAlertSource(lease, time)
{
    private const int Batch = 200;
    private long _lastSeen;

    protected override TimeSpan Interval => options.AuditPollInterval;

    protected override async Task CheckAsync(bool baseline, bool takingOver, CancellationToken cancellationToken)
    {
        if (baseline)
        {
            _lastSeen = (await audit.GetLatestAsync(1, cancellationToken)).FirstOrDefault()?.Id ?? 0;
            return;
        }

        IReadOnlyList<AuditEntry> entries;
        do
        {
            entries = await audit.GetAfterAsync(_lastSeen, Batch, cancellationToken);
            foreach (var entry in entries)
            {
                _lastSeen = entry.Id;
                if (entry.Action != AuditAction.Fail)
                {
                    queue.Raise(ToEvent(entry));
                }
            }
        }
        while (entries.Count == Batch);
    }

    private AlertEvent ToEvent(AuditEntry entry) =>
        new(AlertEvents.ConfigChanged, "configuration", $"{entry.Actor} {Verb(entry.Action)} {entry.EntityType} '{entry.EntityName}'.", entry.At)
        {
            Node = node.Name,
            Details = new Dictionary<string, string?>
            {
                ["actor"] = entry.Actor,
                ["action"] = entry.Action.ToString(),
                ["entityType"] = entry.EntityType,
                ["entityName"] = entry.EntityName,
                ["auditId"] = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };

    private static string Verb(AuditAction action) => action switch
    {
        AuditAction.Create => "created",
        AuditAction.Update => "updated",
        AuditAction.Delete => "deleted",
        AuditAction.Import => "imported",
        AuditAction.Issue => "issued",
        AuditAction.Replace => "replaced",
        AuditAction.EndSessions => "ended the sessions of",
        AuditAction.Purge => "purged",
        _ => action.ToString().ToLowerInvariant(),
    };
}
