using Appliance.Data.Cluster;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// Puts the ordering node's challenge answers where the CA may find them: in this node's memory
/// (answered without any I/O) and in the database for every other node, before the CA is told to
/// validate; each answer is withdrawn from both when the order ends.
/// </summary>
internal sealed class AcmeChallengePublisher(
    Http01ChallengeStore http01,
    TlsAlpnChallengeStore tlsAlpn,
    AcmeChallengeStore shared,
    AcmeChallengeActivity activity,
    AcmeOptions options,
    TimeProvider time)
{
    /// <summary>Publishes the HTTP-01 answer for <paramref name="token"/>; the returned call withdraws it.</summary>
    public async Task<Func<Task>> PublishHttp01Async(string token, string keyAuthorization, CancellationToken cancellationToken)
    {
        http01.Add(token, keyAuthorization);
        return await ShareAsync(AcmeChallengeStore.Http01, token, keyAuthorization, () => http01.Remove(token), cancellationToken);
    }

    /// <summary>
    /// Publishes the TLS-ALPN-01 answer for <paramref name="hostname"/>. Only the key authorization
    /// goes to the database, never a private key: each node makes its own throw-away validation
    /// certificate from it, whose key proves nothing (the CA checks only the digest it carries).
    /// </summary>
    public async Task<Func<Task>> PublishTlsAlpnAsync(string hostname, string keyAuthorization, CancellationToken cancellationToken)
    {
        tlsAlpn.Add(hostname, keyAuthorization, time);
        return await ShareAsync(AcmeChallengeStore.TlsAlpn01, hostname, keyAuthorization, () => tlsAlpn.Remove(hostname), cancellationToken);
    }

    /// <summary>Waits until every node has had the time to notice that answers are published.</summary>
    public Task AwaitPropagationAsync(CancellationToken cancellationToken) =>
        activity.PropagationDelay > TimeSpan.Zero ? Task.Delay(activity.PropagationDelay, time, cancellationToken) : Task.CompletedTask;

    private async Task<Func<Task>> ShareAsync(string type, string key, string value, Action removeLocal, CancellationToken cancellationToken)
    {
        // The row outlives the order's own deadline only by a little: a node that dies mid-order
        // leaves nothing behind for long.
        var expiresAt = time.GetUtcNow().AddSeconds(options.OrderTimeoutSeconds + 60);
        try
        {
            await shared.PutAsync(type, key, value, expiresAt, cancellationToken);
        }
        catch
        {
            removeLocal();
            throw;
        }

        return async () =>
        {
            removeLocal();
            await shared.RemoveAsync(type, key, CancellationToken.None);
        };
    }
}
