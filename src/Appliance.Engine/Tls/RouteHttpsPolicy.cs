namespace Appliance.Engine.Tls;

/// <summary>
/// A route's HTTPS behaviour and response headers: redirect plain HTTP, the HSTS value for HTTPS
/// responses (null for none), and security headers for every response.
/// </summary>
internal sealed record RouteHttpsPolicy(bool RedirectToHttps, string? StrictTransportSecurity, bool SecurityHeaders = false, string? ContentSecurityPolicy = null);
