using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// The wire side of RFC 8555: the directory, nonces (a refused one is retried once with the fresh
/// nonce the refusal carries), signed POSTs and POST-as-GETs, and problem documents turned into
/// <see cref="AcmeException"/>. One instance per account key; not thread-safe, one order at a time.
/// </summary>
internal sealed class AcmeClient(HttpClient http, Uri directoryUrl, ECDsa accountKey)
{
    private JsonElement _directory;
    private string? _nonce;

    /// <summary>The account URL once known; requests are signed with "kid" from then on.</summary>
    public string? AccountUrl { get; set; }

    /// <summary>How many refused nonces were retried: a measure for the tests and the logs.</summary>
    public int BadNonceRetries { get; private set; }

    public JsonWebKey AccountJwk { get; } = JsonWebKey.ForEc(accountKey);

    public async Task LoadDirectoryAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(directoryUrl, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new AcmeException($"The ACME directory {directoryUrl} answered {(int)response.StatusCode}.");
        }

        _directory = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).Clone();
    }

    /// <summary>The terms of service the directory names, if any.</summary>
    public string? TermsOfService =>
        _directory.TryGetProperty("meta", out var meta) && meta.TryGetProperty("termsOfService", out var tos) ? tos.GetString() : null;

    /// <summary>Creates the account, or finds the existing one for this key, agreeing to the terms of service.</summary>
    public async Task<string> CreateAccountAsync(string? email, CancellationToken cancellationToken)
    {
        var payload = new JsonObject { ["termsOfServiceAgreed"] = true };
        if (!string.IsNullOrEmpty(email))
        {
            payload["contact"] = new JsonArray("mailto:" + email);
        }

        var response = await PostAsync(Resource("newAccount"), payload, useKid: false, cancellationToken);
        AccountUrl = response.Location ?? throw new AcmeException("The ACME server created an account but did not say where it is.");
        return AccountUrl;
    }

    /// <summary>Places an order for <paramref name="hostnames"/>.</summary>
    public async Task<AcmeResponse> NewOrderAsync(IReadOnlyList<string> hostnames, CancellationToken cancellationToken)
    {
        var identifiers = new JsonArray();
        foreach (var host in hostnames)
        {
            identifiers.Add(new JsonObject { ["type"] = "dns", ["value"] = host });
        }

        return await PostAsync(Resource("newOrder"), new JsonObject { ["identifiers"] = identifiers }, useKid: true, cancellationToken);
    }

    /// <summary>POST-as-GET (RFC 8555 §6.3): reads an order, authorization or challenge.</summary>
    public Task<AcmeResponse> GetAsync(string url, CancellationToken cancellationToken) =>
        PostAsync(url, payload: null, useKid: true, cancellationToken);

    /// <summary>Tells the server a challenge is ready to be validated.</summary>
    public Task<AcmeResponse> RespondAsync(string challengeUrl, CancellationToken cancellationToken) =>
        PostAsync(challengeUrl, new JsonObject(), useKid: true, cancellationToken);

    /// <summary>Finalises an order with a CSR.</summary>
    public Task<AcmeResponse> FinalizeAsync(string finalizeUrl, byte[] csr, CancellationToken cancellationToken) =>
        PostAsync(finalizeUrl, new JsonObject { ["csr"] = Base64Url.Encode(csr) }, useKid: true, cancellationToken);

    /// <summary>Downloads the issued chain, PEM.</summary>
    public async Task<string> DownloadCertificateAsync(string url, CancellationToken cancellationToken)
    {
        var response = await PostAsync(url, payload: null, useKid: true, cancellationToken, accept: "application/pem-certificate-chain");
        return response.Text;
    }

    private string Resource(string name) =>
        _directory.ValueKind == JsonValueKind.Object && _directory.TryGetProperty(name, out var url)
            ? url.GetString()!
            : throw new AcmeException($"The ACME directory has no '{name}'.");

    private async Task<AcmeResponse> PostAsync(string url, JsonNode? payload, bool useKid, CancellationToken cancellationToken, string? accept = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var nonce = _nonce ?? await NewNonceAsync(cancellationToken);
            _nonce = null;
            var body = AcmeJws.Sign(accountKey, url, nonce, useKid ? AccountUrl : null, payload);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/jose+json");
            if (accept is not null)
            {
                request.Headers.Accept.ParseAdd(accept);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            RememberNonce(response);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new AcmeResponse(response.StatusCode, response.Headers.Location?.ToString(), RetryAfter(response), text);
            }

            var problem = ParseProblem(text, $"{url} answered {(int)response.StatusCode}");
            if (problem.ProblemType == AcmeException.BadNonce && attempt == 0)
            {
                BadNonceRetries++;
                continue;
            }

            throw problem;
        }
    }

    private async Task<string> NewNonceAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, Resource("newNonce"));
        using var response = await http.SendAsync(request, cancellationToken);
        RememberNonce(response);
        return _nonce ?? throw new AcmeException("The ACME server gave no nonce.");
    }

    private void RememberNonce(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Replay-Nonce", out var values))
        {
            _nonce = values.FirstOrDefault();
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static AcmeException ParseProblem(string text, string context)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return AcmeException.FromProblem(document.RootElement, context);
        }
        catch (JsonException)
        {
            return new AcmeException($"{context}: {(text.Length > 200 ? text[..200] : text)}");
        }
    }
}
