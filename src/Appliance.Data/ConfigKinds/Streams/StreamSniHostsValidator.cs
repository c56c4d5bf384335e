using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Streams;

/// <summary>
/// A passthrough stream's server names: host names (exact, or a <c>*.</c> wildcard one label deep)
/// without a port, each once across all streams, and none that a route serves: every route is
/// served over HTTPS by the appliance's own TLS, and passthrough would take its name away.
/// </summary>
internal sealed class StreamSniHostsValidator : IConfigValidator<StreamSpec>
{
    public const int MaxHosts = 64;

    public void Validate(StreamSpec stream, ConfigValidationContext context, ValidationErrors errors)
    {
        if (stream.SniHosts is null)
        {
            errors.Add("sniHosts", "SNI hosts are a list (an empty one for a stream with its own port).");
            return;
        }

        if (stream.SniHosts.Count > MaxHosts)
        {
            errors.Add("sniHosts", $"A stream has at most {MaxHosts} SNI hosts.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < stream.SniHosts.Count; i++)
        {
            var field = $"sniHosts[{i}]";
            var host = stream.SniHosts[i];
            if (!HostNames.IsValid(host) || host.Contains(':', StringComparison.Ordinal))
            {
                errors.Add(field, $"'{host}' is not a host name: use db.example.com or *.example.com, without a port.");
            }
            else if (!seen.Add(host))
            {
                errors.Add(field, $"'{host}' appears more than once.");
            }
            else if (context.Document is { } document && Conflict(stream, host, document) is { } conflict)
            {
                errors.Add(field, conflict);
            }
        }
    }

    private static string? Conflict(StreamSpec stream, string host, ConfigDocument document)
    {
        if (document.Streams.FirstOrDefault(s => s is not null && s.Name != stream.Name && (s.SniHosts ?? []).Contains(host)) is { } other)
        {
            return $"'{host}' is already an SNI host of stream '{other.Name}'.";
        }

        var route = document.Routes.FirstOrDefault(r => r is not null && (r.Hosts ?? []).Any(h => Covers(host, WithoutPort(h))));
        return route is null
            ? null
            : $"'{host}' is a host of route '{route.Name}', which the appliance serves over HTTPS itself; passthrough would take that name from it. Remove it from the route first.";
    }

    // The stream's name takes the route's host when it is that name, or a wildcard over it. A
    // wildcard route (*.example.com) keeps the other names when a stream takes one exact name.
    private static bool Covers(string streamHost, string routeHost) =>
        string.Equals(streamHost, routeHost, StringComparison.Ordinal)
        || (streamHost.StartsWith("*.", StringComparison.Ordinal) && !routeHost.StartsWith("*.", StringComparison.Ordinal)
            && routeHost.IndexOf('.', StringComparison.Ordinal) is var dot and > 0
            && string.Equals(routeHost[(dot + 1)..], streamHost[2..], StringComparison.Ordinal));

    private static string WithoutPort(string? host) =>
        host is null ? "" : host.LastIndexOf(':') is var colon and > 0 ? host[..colon] : host;
}
