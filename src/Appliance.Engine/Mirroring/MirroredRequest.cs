using System.Net;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// The request as it left for the primary, after every transform (rewritten path, X-Forwarded-*,
/// request id, removed hop-by-hop headers): method, path and query after the destination's address,
/// and headers. The copy is this request sent to a shadow destination instead.
/// </summary>
internal sealed class MirroredRequest
{
    private readonly KeyValuePair<string, string[]>[] _headers;
    private readonly KeyValuePair<string, string[]>[]? _contentHeaders;

    private MirroredRequest(HttpMethod method, string target, KeyValuePair<string, string[]>[] headers, KeyValuePair<string, string[]>[]? contentHeaders)
    {
        Method = method;
        Target = target;
        _headers = headers;
        _contentHeaders = contentHeaders;
    }

    public HttpMethod Method { get; }

    /// <summary>What followed the destination's address: the path the primary got, and the query.</summary>
    public string Target { get; }

    /// <summary>True when the primary was sent a body: the copy needs the whole of it.</summary>
    public bool HasBody => _contentHeaders is not null;

    /// <summary>Takes what the copy needs from the outgoing request to the destination at <paramref name="destinationPrefix"/>.</summary>
    public static MirroredRequest From(HttpRequestMessage request, string destinationPrefix)
    {
        // Both YARP and the canonical-path transform build the address as the prefix without its
        // trailing slash followed by the path and query, and Uri keeps the string it was given.
        var uri = request.RequestUri!;
        var address = uri.OriginalString;
        var prefix = destinationPrefix.AsSpan().TrimEnd('/');
        var target = address.AsSpan().StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? address[prefix.Length..]
            : uri.PathAndQuery;

        var headers = request.Headers.NonValidated
            .Where(h => !IsLeftOut(h.Key))
            .Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value]))
            .ToArray();
        var contentHeaders = request.Content?.Headers.NonValidated
            .Where(h => !h.Key.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            .Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value]))
            .ToArray();
        return new MirroredRequest(request.Method, target, headers, contentHeaders);
    }

    /// <summary>The copy, to the shadow destination at <paramref name="address"/>, with <paramref name="body"/> when the primary had one.</summary>
    public HttpRequestMessage ToMessage(string address, byte[]? body, ForwarderRequestConfig? http)
    {
        // The shadow pool's own HTTP settings, with YARP's defaults where it sets none.
        var message = new HttpRequestMessage(Method, new Uri(string.Concat(address.AsSpan().TrimEnd('/'), Target), UriKind.Absolute))
        {
            Version = http?.Version ?? HttpVersion.Version20,
            VersionPolicy = http?.VersionPolicy ?? HttpVersionPolicy.RequestVersionOrLower,
        };
        foreach (var (name, values) in _headers)
        {
            message.Headers.TryAddWithoutValidation(name, values);
        }

        message.Headers.TryAddWithoutValidation(MirrorHeaders.Marker, MirrorHeaders.MarkerValue);
        if (_contentHeaders is not null)
        {
            // Its own length: the body is whole, so the copy never needs chunking.
            message.Content = new ByteArrayContent(body ?? []);
            foreach (var (name, values) in _contentHeaders)
            {
                message.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return message;
    }

    // The marker is the appliance's to set. Expect would make the copy wait for a 100 Continue it
    // does not need, its body being whole; framing is the copy's own.
    private static bool IsLeftOut(string name) =>
        name.Equals(MirrorHeaders.Marker, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Expect, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.TransferEncoding, StringComparison.OrdinalIgnoreCase);
}
