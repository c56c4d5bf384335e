namespace Appliance.Data.Model;

/// <summary>Matches requests by host, path prefix and method and sends them to one or more weighted targets.</summary>
public sealed record RouteSpec
{
    /// <summary>Slug that names the route.</summary>
    public string Name { get; init; } = "";

    /// <summary>Exact hosts or <c>*.example.com</c> wildcards; empty matches any host.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>Path prefix matched on whole segments: <c>/api</c> matches <c>/api</c> and <c>/api/x</c>, not <c>/apix</c>.</summary>
    public string Path { get; init; } = "/";

    /// <summary>HTTP methods; empty matches any method.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>Request headers that must all match (names are case-insensitive).</summary>
    public IReadOnlyList<MatchConditionSpec> Headers { get; init; } = [];

    /// <summary>Query parameters that must all match (names are case-insensitive, as ASP.NET Core reads them; values case-sensitive).</summary>
    public IReadOnlyList<MatchConditionSpec> Query { get; init; } = [];

    /// <summary>Cookies that must all match (names are case-sensitive, as RFC 6265 has them).</summary>
    public IReadOnlyList<MatchConditionSpec> Cookies { get; init; } = [];

    /// <summary>Tie-breaker between equally specific routes; lower wins.</summary>
    public int Order { get; init; }

    /// <summary>Pools with integer weights; a canary is 90/10.</summary>
    public IReadOnlyList<TargetSpec> Targets { get; init; } = [];

    /// <summary>Replaces the matched <see cref="Path"/> prefix before forwarding (<c>/</c> strips it); null forwards the path as it is.</summary>
    public string? RewritePath { get; init; }

    /// <summary>Answers with this redirect instead of forwarding; a route has either targets or a redirect.</summary>
    public RedirectSpec? Redirect { get; init; }

    /// <summary>Copies a share of the forwarded requests to a shadow pool; null mirrors nothing. A redirect route cannot mirror.</summary>
    public MirrorSpec? Mirror { get; init; }

    /// <summary>Keeps a client on the target it first drew, through a cookie.</summary>
    public bool Sticky { get; init; }

    /// <summary>
    /// <see cref="TlsModes.Off"/> (no certificate managed for the route), <see cref="TlsModes.Auto"/>
    /// (an ACME certificate for its hosts, requested when the route is saved) or the name of a certificate.
    /// </summary>
    public string Tls { get; init; } = TlsModes.Off;

    /// <summary>Plain HTTP requests are redirected to HTTPS: 301 for GET and HEAD, 308 otherwise.</summary>
    public bool HttpsRedirect { get; init; }

    /// <summary><c>Strict-Transport-Security</c> max-age on HTTPS responses; 0 sends no header.</summary>
    public int HstsMaxAgeSeconds { get; init; }

    /// <summary>Text responses are compressed (brotli, zstd or gzip) for clients that accept it.</summary>
    public bool Compression { get; init; } = true;

    /// <summary>The access list that decides which client addresses reach this route (after any global ones); null for none.</summary>
    public string? AccessList { get; init; }

    /// <summary>The rate limit this route applies per client address (after any global ones); null for none.</summary>
    public string? RateLimit { get; init; }

    /// <summary>Adds X-Content-Type-Options: nosniff, X-Frame-Options: SAMEORIGIN and Referrer-Policy: strict-origin-when-cross-origin to responses.</summary>
    public bool SecurityHeaders { get; init; }

    /// <summary>A Content-Security-Policy for the route's responses; null sends none (or keeps the backend's).</summary>
    public string? ContentSecurityPolicy { get; init; }

    /// <summary>The largest request body the route accepts (413 beyond it); null keeps <c>Appliance:Proxy:Limits:MaxRequestBodySize</c>.</summary>
    public long? MaxRequestBodyBytes { get; init; }

    /// <summary>Headers set on or removed from the request the backend gets.</summary>
    public HeaderRulesSpec RequestHeaders { get; init; } = new();

    /// <summary>Headers set on or removed from every response the route gives, cache hits and the appliance's own pages included.</summary>
    public HeaderRulesSpec ResponseHeaders { get; init; } = new();

    /// <summary>Maintenance: a 503 page for everyone but the allowed addresses.</summary>
    public MaintenanceSpec Maintenance { get; init; } = new();

    /// <summary>The proof-of-work challenge clients pass before the backends see them.</summary>
    public ChallengeSpec Challenge { get; init; } = new();
}
