using Appliance.Data.Certificates;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// Keeps ACME certificates coming: makes sure every route with <c>tls: "auto"</c> has its
/// certificate, then obtains each certificate that is due (new, renewal at a third of its lifetime
/// left, or a retry after a failure with exponential backoff). The store records the outcome, so a
/// working certificate is replaced only by its issued successor, in one transaction.
/// </summary>
internal sealed partial class AcmeWorker(
    ConfigStore configStore,
    CertificateStore certificates,
    AcmeWorkSignal signal,
    AcmeIssuer issuer,
    TimeProvider time,
    ILogger<AcmeWorker> logger) : BackgroundService
{
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ShortestSleep = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAutomaticAsync(stoppingToken);
                foreach (var due in await certificates.GetDueAsync(time.GetUtcNow(), stoppingToken))
                {
                    await ObtainAsync(due, stoppingToken);
                }

                var next = await certificates.GetNextDueAsync(stoppingToken);
                var sleep = next is { } at ? at - time.GetUtcNow() : LongestSleep;
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

    [LoggerMessage(EventId = 2512, Level = LogLevel.Error, Message = "The ACME worker failed; it tries again shortly.")]
    private partial void LogWorkerFailed(Exception exception);
}
