using System.Security.Cryptography;
using Appliance.Data.Certificates;
using Appliance.Data.Cluster;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// Connects to the ACME server with the appliance's one account for its directory, registering it
/// first if there is none. Nodes ordering different certificates at once would otherwise each
/// register an account of their own and all but one would be orphaned at the CA: registration
/// happens under a lease, and a node that finds it held waits for the holder's account to appear.
/// </summary>
internal sealed partial class AcmeAccountConnector(
    AcmeOptions options,
    AcmeAccountStore accounts,
    LeaseStore leases,
    NodeIdentity node,
    TimeProvider time,
    ILogger<AcmeAccountConnector> logger)
{
    internal const string LeaseName = "acme-account";
    private static readonly TimeSpan LeaseTtl = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(500);

    public async Task<AcmeClient> ConnectAsync(HttpClient http, CancellationToken token)
    {
        while (true)
        {
            if (await accounts.GetAsync(options.DirectoryUrl, token) is { } account)
            {
                return await ConnectAsync(http, account, token);
            }

            // Held, renewed and given back like a certificate's lease: a slow CA keeps it, a node
            // cut off from the database stops before another may register a second account.
            await using (var held = await HeldLease.TryTakeAsync(leases, LeaseName, node.Name, LeaseTtl, time, token))
            {
                if (held is not null)
                {
                    // Another node may have registered between the look and the lease.
                    return await accounts.GetAsync(options.DirectoryUrl, held.Lost) is { } registered
                        ? await ConnectAsync(http, registered, held.Lost)
                        : await RegisterAsync(http, held.Lost);
                }
            }

            // The order's own deadline ends this wait if the registering node never finishes.
            await Task.Delay(WaitStep, time, token);
        }
    }

    private async Task<AcmeClient> ConnectAsync(HttpClient http, AcmeAccount account, CancellationToken token)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(account.KeyPem);
        var client = new AcmeClient(http, new Uri(options.DirectoryUrl), key) { AccountUrl = account.AccountUrl };
        await client.LoadDirectoryAsync(token);
        return client;
    }

    private async Task<AcmeClient> RegisterAsync(HttpClient http, CancellationToken token)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var client = new AcmeClient(http, new Uri(options.DirectoryUrl), key);
        await client.LoadDirectoryAsync(token);
        var accountUrl = await client.CreateAccountAsync(options.Email, token);
        await accounts.SaveAsync(new AcmeAccount(options.DirectoryUrl, accountUrl, key.ExportPkcs8PrivateKeyPem()), options.Email, token);
        LogAccountCreated(options.DirectoryUrl, client.TermsOfService ?? "none given");
        return client;
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "ACME account created at {Directory}; its terms of service ({TermsOfService}) were agreed to.")]
    private partial void LogAccountCreated(string directory, string termsOfService);
}
