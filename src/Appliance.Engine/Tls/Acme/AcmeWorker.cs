using Appliance.Data.Certificates;
using Appliance.Data.Cluster;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// Keeps ACME certificates coming: makes sure every route with <c>tls: "auto"</c> has its
/// certificate, then obtains each certificate that is due (new, renewal at a third of its lifetime
/// left, or a retry after a failure with exponential backoff). The store records the outcome, so a
/// working certificate is replaced only by its issued successor, in one transaction. With several
/// nodes on one database each runs this, but a certificate is ordered under a lease
/// (<c>acme:&lt;name&gt;</c>), so exactly one node works on it at a time; the others skip it and
/// serve the result when the new revision reaches them.
/// </summary>
internal sealed partial class AcmeWorker(
    ConfigStore configStore,
    CertificateStore certificates,
    AcmeWorkSignal signal,
    AcmeIssuer issuer,
    LeaseStore leases,
    NodeIdentity node,
    AcmeCounters counters,
    TimeProvider time,
    ILogger<AcmeWorker> logger) : BackgroundService
{
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ShortestSleep = TimeSpan.FromMilliseconds(200);

    // Renewed every 20 s while an order runs: a node that dies mid-order holds the work up for at most a minute.
    private static readonly TimeSpan LeaseTtl = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAutomaticAsync(stoppingToken);
                DateTimeOffset? heldElsewhereUntil = null;
                foreach (var due in await certificates.GetDueAsync(time.GetUtcNow(), stoppingToken))
                {
                    if (await ObtainUnderLeaseAsync(due, stoppingToken) is { } held)
                    {
                        heldElsewhereUntil = heldElsewhereUntil is { } earlier && earlier < held ? earlier : held;
                    }
                }

                var wakeAt = WakeAt(await certificates.GetNextDueAsync(stoppingToken), heldElsewhereUntil);
                var sleep = wakeAt is { } at ? at - time.GetUtcNow() : LongestSleep;
                await signal.WaitAsync(sleep < ShortestSleep ? ShortestSleep : sleep > LongestSleep ? LongestSleep : sleep, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWorkerFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    // A certificate another node works on stays due until that node records the outcome: waking
    // for it every moment would only ask for the lease again. Wake when that lease lapses instead
    // (its holder renewed it, finished, or died), unless other work is due sooner; a finished
    // certificate is simply no longer due then.
    private DateTimeOffset? WakeAt(DateTimeOffset? nextDue, DateTimeOffset? heldElsewhereUntil) =>
        heldElsewhereUntil is { } held && (nextDue is null || nextDue <= time.GetUtcNow() || held < nextDue) ? held : nextDue;

    /// <summary>Obtains <paramref name="due"/> under its lease; when another node holds it, returns until when.</summary>
    private async Task<DateTimeOffset?> ObtainUnderLeaseAsync(AcmeWorkItem due, CancellationToken stoppingToken)
    {
        var leaseName = LeaseName(due.Name);
        await using var lease = await HeldLease.TryTakeAsync(leases, leaseName, node.Name, LeaseTtl, time, stoppingToken);
        if (lease is null)
        {
            counters.LeaseHeldElsewhere();
            var holder = await leases.GetHolderAsync(leaseName, stoppingToken);
            LogHeldElsewhere(due.Name, holder?.Owner ?? "another node");
            return holder?.ExpiresAt ?? time.GetUtcNow();
        }

        // Another node may have finished it between our look and the lease.
        var still = (await certificates.GetDueAsync(time.GetUtcNow(), stoppingToken)).FirstOrDefault(d => d.Name == due.Name);
        if (still is null)
        {
            return null;
        }

        try
        {
            await ObtainAsync(still, lease.Lost);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            LogLeaseLost(due.Name);
        }

        return null;
    }

    /// <summary>The lease a node holds while it orders or renews <paramref name="certificateName"/>.</summary>
    internal static string LeaseName(string certificateName) => "acme:" + certificateName;

    private async Task ObtainAsync(AcmeWorkItem due, CancellationToken stoppingToken)
    {
        try
        {
            var (chainPem, keyPem) = await issuer.IssueAsync(due.Hostnames, stoppingToken);
            var result = await certificates.RecordIssuedAsync(due.Name, chainPem, keyPem, stoppingToken);
            if (result.Succeeded)
            {
                LogIssued(due.Name, due.HasCertificate ? "renewed" : "issued", result.Value!.NotAfter);
            }
        }
        catch (AcmeException ex)
        {
            LogFailed(due.Name, ex.Message);
            await certificates.RecordFailureAsync(due.Name, ex.Message, stoppingToken);
        }
    }

    // Every tls: auto route has its certificate, and no automatic certificate outlives its route's
    // need for it: one left behind would keep renewing against the CA's rate limits for nothing.
    private async Task ReconcileAutomaticAsync(CancellationToken stoppingToken)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in await configStore.Routes.ListAsync(stoppingToken))
        {
            if (route.Tls == TlsModes.Auto && route.Hosts.Count > 0)
            {
                wanted.Add(TlsModes.AutoCertificateName(route.Name));
                await certificates.EnsureAutomaticAsync(route.Name, route.Hosts, stoppingToken);
            }
        }

        foreach (var certificate in await certificates.ListAsync(stoppingToken))
        {
            if (certificate.Source == CertificateSource.Acme
                && certificate.Name.StartsWith(TlsModes.AutoCertificatePrefix, StringComparison.Ordinal)
                && !wanted.Contains(certificate.Name))
            {
                var removed = await certificates.DeleteAsync(certificate.Name, CertificateStore.AcmeActor, stoppingToken);
                if (removed.Succeeded)
                {
                    LogRemoved(certificate.Name);
                }
            }
        }
    }

    [LoggerMessage(EventId = 2510, Level = LogLevel.Information, Message = "Certificate {Name} {What}; valid until {NotAfter:u}.")]
    private partial void LogIssued(string name, string what, DateTimeOffset? notAfter);

    [LoggerMessage(EventId = 2511, Level = LogLevel.Warning, Message = "Certificate {Name} could not be obtained: {Reason}")]
    private partial void LogFailed(string name, string reason);

    [LoggerMessage(EventId = 2513, Level = LogLevel.Information, Message = "Automatic certificate {Name} was removed: no route asks for it any more.")]
    private partial void LogRemoved(string name);

    [LoggerMessage(EventId = 2514, Level = LogLevel.Debug, Message = "Certificate {Name} is being obtained by {Owner}; this node leaves it alone.")]
    private partial void LogHeldElsewhere(string name, string owner);

    [LoggerMessage(EventId = 2515, Level = LogLevel.Warning, Message = "The lease on certificate {Name} was lost to another node mid-order; this node stops and leaves it to that node.")]
    private partial void LogLeaseLost(string name);

    [LoggerMessage(EventId = 2512, Level = LogLevel.Error, Message = "The ACME worker failed; it tries again shortly.")]
    private partial void LogWorkerFailed(Exception exception);
}
