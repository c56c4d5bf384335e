using System.Net;
using Appliance.Data.Networking;

namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>
/// Which recent requests to show, as parsed by <see cref="AccessLogFilterParser"/>: every filter
/// set must hold; an unset one (null) lets everything through.
/// </summary>
public sealed record AccessLogFilter
{
    /// <summary>No filter: every request.</summary>
    public static AccessLogFilter All { get; } = new();

    /// <summary>One status or a class of them.</summary>
    public StatusPattern? Status { get; init; }

    /// <summary>The route's name, exactly.</summary>
    public string? Route { get; init; }

    /// <summary>The client's address, or a range it is in.</summary>
    public IPNetwork? Client { get; init; }

    /// <summary>A prefix of the path, or a part of it.</summary>
    public PathPattern? Path { get; init; }

    /// <summary>The method, in any case.</summary>
    public string? Method { get; init; }

    /// <summary>Requests that finished at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Requests that finished at or before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>True when <paramref name="request"/> meets every filter that is set.</summary>
    public bool Matches(in RecentRequest request) =>
        (Status is not { } status || status.Matches(request.Status))
        && (Since is not { } since || request.Time >= since)
        && (Until is not { } until || request.Time <= until)
        && (Route is null || string.Equals(Route, request.Route, StringComparison.Ordinal))
        && (Method is null || string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase))
        && (Client is not { } client || (request.Client is { } address && client.Contains(ClientAddresses.Normalize(address))))
        && (Path is not { } path || path.Matches(request.Path));
}
