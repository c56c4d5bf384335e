using System.Net;
using Appliance.Engine.Configuration;
using Appliance.Engine.HeaderRules;
using Appliance.Engine.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy;

namespace Appliance.Engine.Caching;

/// <summary>
/// A stale entry's background revalidation, made to be the request the proxy would send, because an
/// origin answers by what it is sent: a name-based virtual host answers another Host with its default
/// site, a forced-HTTPS application answers a request without X-Forwarded-Proto: https with a redirect,
/// and either answer would replace the entry for every client. So: to one of the route's available
/// backends, through its cluster's own HTTP client (TLS, proxy and connection settings as configured),
/// with the destination's authority as Host (YARP's default), X-Forwarded-For, -Proto and -Host and
/// X-Real-IP as <c>Security/HardeningTransformProvider</c> sets them from the client's request, a
/// request id of its own, and the route's request header rules (a backend may need the header or the
/// Host they set), with that id for <c>{request_id}</c>. Everything is copied when the revalidation is
/// scheduled: the client's request ends first.
/// </summary>
internal sealed class RevalidationRequest
{
    private const string RealIpHeader = "X-Real-IP";
    private const string ForwardedForHeader = "X-Forwarded-For";
    private const string ForwardedProtoHeader = "X-Forwarded-Proto";
    private const string ForwardedHostHeader = "X-Forwarded-Host";

    private readonly HttpMessageInvoker _client;
    private readonly Uri _target;
    private readonly string? _destinationHost;
    private readonly Version _version;
    private readonly HttpVersionPolicy _versionPolicy;
    private readonly List<KeyValuePair<string, string>> _forwarding = new(4);
    private HeaderRuleSet _headerRules = HeaderRuleSet.None;
    private string _clientIp = "";
    private string _clientHost = "";

    private RevalidationRequest(HttpMessageInvoker client, Uri target, string? destinationHost, Version version, HttpVersionPolicy versionPolicy)
    {
        _client = client;
        _target = target;
        _destinationHost = destinationHost;
        _version = version;
        _versionPolicy = versionPolicy;
    }

    /// <summary>The client's headers the entry's variant depends on, and Accept: sent, and read to store the answer.</summary>
    public HeaderDictionary ClientHeaders { get; } = new();

    /// <summary>The revalidation of <paramref name="stale"/> for this request, or null when the route has no backend to ask.</summary>
    public static RevalidationRequest? From(HttpContext context, CachedResponse stale)
    {
        var proxy = context.GetReverseProxyFeature();
        var destination = proxy.AvailableDestinations.FirstOrDefault();
        if (destination is null || proxy.Cluster is not { } cluster)
        {
            return null;
        }

        var request = context.Request;
        var target = new Uri(destination.Model.Config.Address.TrimEnd('/') + Routing.CanonicalPath.ForwardOf(request) + request.QueryString, UriKind.Absolute);

        // YARP's defaults where the cluster sets nothing: HTTP/2 if the backend offers it, else what it speaks.
        var http = cluster.Config.HttpRequest;
        var revalidation = new RevalidationRequest(
            cluster.HttpClient, target, destination.Model.Config.Host, http?.Version ?? HttpVersion.Version20, http?.VersionPolicy ?? HttpVersionPolicy.RequestVersionOrLower);
        foreach (var name in stale.VaryHeaders.Append(HeaderNames.Accept))
        {
            if (!name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase) && request.Headers.TryGetValue(name, out var value))
            {
                revalidation.ClientHeaders[name] = value;
            }
        }

        // Set, not appended, from the client address the appliance settled (trusted proxies included).
        if (context.Connection.RemoteIpAddress?.ToString() is { } client)
        {
            revalidation._forwarding.Add(new(ForwardedForHeader, client));
            revalidation._forwarding.Add(new(RealIpHeader, client));
        }

        revalidation._headerRules = context.Features.Get<RoutePlan>()?.Find<RouteHeaderRules>()?.Request ?? HeaderRuleSet.None;
        revalidation._clientIp = context.Connection.RemoteIpAddress?.ToString() ?? "";
        revalidation._clientHost = request.Host.Value ?? "";
        revalidation._forwarding.Add(new(ForwardedProtoHeader, request.Scheme));
        if (request.Host.HasValue)
        {
            revalidation._forwarding.Add(new(ForwardedHostHeader, request.Host.ToUriComponent()));
        }

        return revalidation;
    }

    /// <summary>Sends the conditional GET with <paramref name="stale"/>'s validators.</summary>
    public async Task<HttpResponseMessage> SendAsync(CachedResponse stale, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, _target) { Version = _version, VersionPolicy = _versionPolicy };
        if (_destinationHost is not null)
        {
            message.Headers.Host = _destinationHost;
        }

        foreach (var header in ClientHeaders)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }

        foreach (var (name, value) in _forwarding)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        var requestId = RequestIdGenerator.Next();
        message.Headers.TryAddWithoutValidation(RequestIdFeature.HeaderName, requestId);
        if (!_headerRules.IsEmpty)
        {
            _headerRules.ApplyTo(message, new HeaderPlaceholderValues(_clientIp, requestId, _clientHost));
        }

        var (ifNoneMatch, ifModifiedSince) = ConditionalRequests.ValidatorsFor(stale);
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            message.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, ifNoneMatch.ToString());
        }

        if (!StringValues.IsNullOrEmpty(ifModifiedSince))
        {
            message.Headers.TryAddWithoutValidation(HeaderNames.IfModifiedSince, ifModifiedSince.ToString());
        }

        return await _client.SendAsync(message, cancellationToken);
    }
}
