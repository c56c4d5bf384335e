namespace Appliance.Engine.Tls;

/// <summary>A route's HTTPS behaviour: redirect plain HTTP, and the HSTS header value for HTTPS responses (null for none).</summary>
internal sealed record RouteHttpsPolicy(bool RedirectToHttps, string? StrictTransportSecurity);
