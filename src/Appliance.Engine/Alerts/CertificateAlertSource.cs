using System.Globalization;
using Appliance.Data.Certificates;
using Appliance.Data.Cluster;
using Appliance.Data.Model;

namespace Appliance.Engine.Alerts;

/// <summary>
/// Raises certificate events from the stored certificates, whichever node ordered them: a new failed
/// ACME attempt (<see cref="AlertEvents.CertificateFailed"/>, with the CA's reason), and a
/// certificate within the longest warning period any rule asks for
/// (<see cref="AlertEvents.CertificateExpiring"/>, once a day per certificate; each rule then
/// takes those within its own days).
/// </summary>
internal sealed class CertificateAlertSource(
    CertificateStore certificates,
    AlertConfigurationCache configuration,
    AlertQueue queue,
    AlertOptions options,
    NodeIdentity node,
    AlertLease lease,
    TimeProvider time) : LeaderAlertSource(lease, time)
{
    private static readonly TimeSpan ExpiryReminder = TimeSpan.FromDays(1);

    private readonly Dictionary<string, DateTimeOffset?> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, DateTimeOffset NotAfter), DateTimeOffset> _warned = [];

    protected override TimeSpan Interval => options.CheckInterval;

    protected override async Task CheckAsync(bool baseline, bool takingOver, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var list = await certificates.ListAsync(cancellationToken);
        var warnDays = (await configuration.GetAsync(cancellationToken)).Rules
            .Where(r => r.Enabled && r.Events.Contains(AlertEvents.CertificateExpiring))
            .Select(r => r.ExpiringWithinDays)
            .DefaultIfEmpty(0)
            .Max();
        foreach (var certificate in list)
        {
            // A failed attempt sets when the next one is due: a new due time is a new failure.
            var failure = certificate.Status == CertificateStatus.Failed ? certificate.NextAttemptAt ?? now : (DateTimeOffset?)null;
            var known = _failures.TryGetValue(certificate.Name, out var seen);
            _failures[certificate.Name] = failure;
            if (!baseline && failure is not null && (!known || seen != failure))
            {
                queue.Raise(Failed(certificate, now));
            }

            if (!baseline && certificate.NotAfter is { } notAfter && warnDays > 0 && notAfter - now <= TimeSpan.FromDays(warnDays)
                && (!_warned.TryGetValue((certificate.Name, notAfter), out var warnedAt) || now - warnedAt >= ExpiryReminder))
            {
                _warned[(certificate.Name, notAfter)] = now;
                queue.Raise(Expiring(certificate, notAfter, now));
            }
        }

        foreach (var gone in _failures.Keys.Except(list.Select(c => c.Name)).ToArray())
        {
            _failures.Remove(gone);
        }
    }

    private AlertEvent Failed(CertificateInfo certificate, DateTimeOffset now) =>
        new(AlertEvents.CertificateFailed, $"certificate {certificate.Name}", $"Certificate {certificate.Name} could not be issued or renewed: {certificate.LastError}", now)
        {
            Node = node.Name,
            Details = new Dictionary<string, string?>
            {
                ["certificate"] = certificate.Name,
                ["hostnames"] = string.Join(",", certificate.Hostnames),
                ["error"] = certificate.LastError,
                ["nextAttemptAt"] = certificate.NextAttemptAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            },
        };

    private AlertEvent Expiring(CertificateInfo certificate, DateTimeOffset notAfter, DateTimeOffset now)
    {
        var days = (int)Math.Floor((notAfter - now).TotalDays);
        var summary = days <= 0
            ? $"Certificate {certificate.Name} has expired ({notAfter:yyyy-MM-dd})."
            : $"Certificate {certificate.Name} expires in {days} day(s), on {notAfter:yyyy-MM-dd}.";
        return new AlertEvent(AlertEvents.CertificateExpiring, $"certificate {certificate.Name}", summary, now)
        {
            Node = node.Name,
            DaysLeft = days,
            Details = new Dictionary<string, string?>
            {
                ["certificate"] = certificate.Name,
                ["hostnames"] = string.Join(",", certificate.Hostnames),
                ["notAfter"] = notAfter.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                ["source"] = certificate.Source.ToString(),
            },
        };
    }
}
