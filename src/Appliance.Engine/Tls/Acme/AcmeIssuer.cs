using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// Obtains one certificate from the ACME server (RFC 8555 §7.4): account, order, HTTP-01 answers
/// served by the data plane, validation, finalisation with a CSR for a fresh P-256 key, polling
/// with Retry-After, and the chain. Failures come out as <see cref="AcmeException"/> in words.
/// </summary>
internal sealed partial class AcmeIssuer(
    AcmeOptions options,
    AcmeAccountConnector accounts,
    AcmeChallengePublisher answers,
    AcmeCounters counters,
    TimeProvider time,
    ILogger<AcmeIssuer> logger) : IDisposable
{
    private static readonly TimeSpan ShortestPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http = AcmeHttpClient.Create(options);

    /// <summary>How many refused nonces the last client retried (for tests and logs).</summary>
    public int BadNonceRetries { get; private set; }

    public async Task<(string ChainPem, string KeyPem)> IssueAsync(IReadOnlyList<string> hostnames, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.OrderTimeoutSeconds));
        var token = deadline.Token;
        var answered = new List<Func<Task>>();
        AcmeClient? client = null;
        try
        {
            client = await accounts.ConnectAsync(_http, token);
            counters.OrderPlaced();
            var order = await client.NewOrderAsync(hostnames, token);
            var orderUrl = order.Location ?? throw new AcmeException("The ACME server created an order but did not say where it is.");
            var orderJson = order.Json;

            foreach (var authorizationUrl in orderJson.GetProperty("authorizations").EnumerateArray().Select(a => a.GetString()!))
            {
                await AuthorizeAsync(client, authorizationUrl, answered, token);
            }

            orderJson = await PollAsync(client, orderUrl, "order", status => status is "ready" or "valid", token);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            if (orderJson.GetProperty("status").GetString() == "ready")
            {
                await client.FinalizeAsync(orderJson.GetProperty("finalize").GetString()!, CertificateSigningRequest.Create(key, hostnames), token);
            }

            orderJson = await PollAsync(client, orderUrl, "order", status => status == "valid", token);
            var chain = await client.DownloadCertificateAsync(orderJson.GetProperty("certificate").GetString()!, token);
            return (chain, key.ExportPkcs8PrivateKeyPem());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AcmeException($"The order for {string.Join(", ", hostnames)} did not complete within {options.OrderTimeoutSeconds} s.");
        }
        catch (HttpRequestException ex)
        {
            throw new AcmeException($"The ACME server at {options.DirectoryUrl} could not be reached: {ex.Message}", ex);
        }
        finally
        {
            await WithdrawAsync(answered);

            BadNonceRetries = client?.BadNonceRetries ?? 0;
        }
    }

    public void Dispose() => _http.Dispose();

    // One authorization per name: answer its HTTP-01 challenge and wait for the verdict.
    private async Task AuthorizeAsync(AcmeClient client, string authorizationUrl, List<Func<Task>> answered, CancellationToken token)
    {
        var authorization = (await client.GetAsync(authorizationUrl, token)).Json;
        var identifier = authorization.GetProperty("identifier").GetProperty("value").GetString();
        if (authorization.GetProperty("status").GetString() == "valid")
        {
            return;
        }

        if (authorization.TryGetProperty("wildcard", out var wildcard) && wildcard.GetBoolean())
        {
            throw new AcmeException($"*.{identifier} is a wildcard: it can only be validated over DNS-01, which the appliance does not do.");
        }

        // The preferred challenge if the server offers it, else the other one we can answer.
        var offered = authorization.GetProperty("challenges").EnumerateArray().ToArray();
        var challenge = offered.FirstOrDefault(c => c.GetProperty("type").GetString() == options.Challenge);
        if (challenge.ValueKind != JsonValueKind.Object)
        {
            challenge = offered.FirstOrDefault(c => c.GetProperty("type").GetString() is AcmeOptions.Http01 or AcmeOptions.TlsAlpn01);
        }

        if (challenge.ValueKind != JsonValueKind.Object)
        {
            throw new AcmeException($"The ACME server offers neither HTTP-01 nor TLS-ALPN-01 for {identifier}.");
        }

        var challengeToken = challenge.GetProperty("token").GetString()!;
        var keyAuthorization = challengeToken + "." + client.AccountJwk.Thumbprint();
        answered.Add(challenge.GetProperty("type").GetString() == AcmeOptions.TlsAlpn01
            ? await answers.PublishTlsAlpnAsync(identifier!, keyAuthorization, token)
            : await answers.PublishHttp01Async(challengeToken, keyAuthorization, token));

        if (challenge.GetProperty("status").GetString() == "pending")
        {
            // The CA may reach any node: each must know the answer exists before it is asked.
            await answers.AwaitPropagationAsync(token);
            await client.RespondAsync(challenge.GetProperty("url").GetString()!, token);
        }

        await PollAsync(client, authorizationUrl, $"authorization of {identifier}", status => status is "valid", token);
        LogAuthorized(identifier);
    }

    // Every answer goes, even when withdrawing one fails: a lingering row only costs its expiry.
    private async Task WithdrawAsync(List<Func<Task>> answered)
    {
        foreach (var withdraw in answered)
        {
            try
            {
                await withdraw();
            }
            catch (Exception ex)
            {
                LogWithdrawFailed(ex.Message);
            }
        }
    }

    // Polls until `done` says yes; "invalid" anywhere ends it with the server's reason.
    private async Task<JsonElement> PollAsync(AcmeClient client, string url, string what, Func<string, bool> done, CancellationToken token)
    {
        while (true)
        {
            var response = await client.GetAsync(url, token);
            var json = response.Json;
            var status = json.GetProperty("status").GetString() ?? "";
            if (done(status))
            {
                return json;
            }

            if (status is "invalid" or "revoked" or "deactivated" or "expired")
            {
                throw ReasonOf(json, what);
            }

            var wait = response.RetryAfter ?? TimeSpan.FromSeconds(1);
            await Task.Delay(wait < ShortestPoll ? ShortestPoll : wait > LongestPoll ? LongestPoll : wait, time, token);
        }
    }

    // The most specific reason the server gave: the failed challenge's error, else the object's own.
    private static AcmeException ReasonOf(JsonElement json, string what)
    {
        if (json.TryGetProperty("challenges", out var challengeList))
        {
            foreach (var challenge in challengeList.EnumerateArray())
            {
                if (challenge.TryGetProperty("error", out var error))
                {
                    return AcmeException.FromProblem(error, $"The {what} failed");
                }
            }
        }

        return json.TryGetProperty("error", out var problem)
            ? AcmeException.FromProblem(problem, $"The {what} failed")
            : new AcmeException($"The {what} became {json.GetProperty("status").GetString()}.");
    }

    [LoggerMessage(EventId = 2502, Level = LogLevel.Debug, Message = "ACME authorization of {Identifier} is valid.")]
    private partial void LogAuthorized(string? identifier);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Warning, Message = "A published ACME challenge answer could not be withdrawn ({Reason}); it lapses on its own.")]
    private partial void LogWithdrawFailed(string reason);
}
