namespace Appliance.Engine.Tls;

/// <summary>
/// A route's HTTPS behaviour and response headers: redirect plain HTTP, the HSTS value for HTTPS
/// responses (null for none), and security headers for every response.
/// </summary>
internal sealed record RouteHttpsPolicy(bool RedirectToHttps, string? StrictTransportSecurity, bool SecurityHeaders = false, string? ContentSecurityPolicy = null)
{
    /// <summary>Neither redirect nor headers: the step passes the request on untouched.</summary>
    public static RouteHttpsPolicy None { get; } = new(false, null);

    /// <summary>True when the step has something to do for this route.</summary>
    public bool IsActive => RedirectToHttps || StrictTransportSecurity is not null || SecurityHeaders || ContentSecurityPolicy is not null;
}
