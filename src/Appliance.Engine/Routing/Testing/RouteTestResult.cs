namespace Appliance.Engine.Routing.Testing;

/// <summary>Which route takes a request and what each step would do with it, at one configuration revision.</summary>
public sealed record RouteTestResult
{
    /// <summary>The configuration revision the answer was worked out on.</summary>
    public long Revision { get; init; }

    /// <summary>One of <see cref="RouteTestOutcomes"/>.</summary>
    public string Outcome { get; init; } = RouteTestOutcomes.NotFound;

    /// <summary>The status the appliance itself would answer with; null when the request is forwarded.</summary>
    public int? Status { get; init; }

    /// <summary>The canonical path every decision is made on (null when the path was refused).</summary>
    public string? CanonicalPath { get; init; }

    /// <summary>The route that takes the request; null when none does.</summary>
    public string? Route { get; init; }

    /// <summary>Every route in the order they are tried, with the reason each one did not take the request.</summary>
    public IReadOnlyList<RouteTestCandidate> Candidates { get; init; } = [];

    /// <summary>The custom page (route's, else global) or default the appliance would answer its own <see cref="Status"/> with; null for a status no page is made for.</summary>
    public RouteTestErrorPage? ErrorPage { get; init; }

    /// <summary>The TLS passthrough stream that takes the connection before any route; null when routes decide.</summary>
    public RouteTestPassthrough? Passthrough { get; init; }

    /// <summary>The redirect the appliance would send (a redirect route's, or the HTTPS redirect).</summary>
    public RouteTestRedirect? Redirect { get; init; }

    /// <summary>The path and query the backend would get, after any rewrite.</summary>
    public string? ForwardPath { get; init; }

    /// <summary>The route's target pools and their shares.</summary>
    public IReadOnlyList<RouteTestTarget> Targets { get; init; } = [];

    /// <summary>Where a copy of the request may go (the request is drawn at this share); null when the route does not mirror.</summary>
    public RouteTestMirror? Mirror { get; init; }

    /// <summary>Access lists in the order they decide, and what each decided.</summary>
    public IReadOnlyList<RouteTestAccessList> AccessLists { get; init; } = [];

    /// <summary>Rate limits the request would count against.</summary>
    public IReadOnlyList<RouteTestRateLimit> RateLimits { get; init; } = [];

    /// <summary>Header rules on the way to the backend, as configured (placeholders are filled per request).</summary>
    public Data.Model.HeaderRulesSpec? RequestHeaders { get; init; }

    /// <summary>Header rules on the way back to the client, as configured.</summary>
    public Data.Model.HeaderRulesSpec? ResponseHeaders { get; init; }

    /// <summary>Whether the route is in maintenance, and whether this client address still passes.</summary>
    public RouteTestMaintenance? Maintenance { get; init; }

    /// <summary>The cache rule that would decide whether the answer is stored; null for none.</summary>
    public string? CacheRule { get; init; }

    /// <summary>Whether text answers would be compressed for clients that accept it.</summary>
    public bool Compression { get; init; }
}
