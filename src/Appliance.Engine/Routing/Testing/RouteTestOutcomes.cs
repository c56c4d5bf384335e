namespace Appliance.Engine.Routing.Testing;

/// <summary>What would become of the request, in the order the data plane decides.</summary>
public static class RouteTestOutcomes
{
    /// <summary>An HTTPS connection whose server name a TLS passthrough stream owns: passed, still encrypted, to the stream's pool; no route is looked at.</summary>
    public const string Passthrough = "passthrough";

    /// <summary>Refused with 400 before routing: its path is malformed or hides a separator.</summary>
    public const string Rejected = "rejected";

    /// <summary>No route takes it: 404.</summary>
    public const string NotFound = "notFound";

    /// <summary>Plain HTTP on a route that asks for HTTPS: 301 or 308 to the https URL.</summary>
    public const string HttpsRedirect = "httpsRedirect";

    /// <summary>An access list refuses the client address: 403, or a closed connection.</summary>
    public const string Denied = "denied";

    /// <summary>An access list lets the address pass only after a basic-auth sign-in the request does not carry.</summary>
    public const string SignIn = "signIn";

    /// <summary>The route is in maintenance and the client address is not among those still let through: 503 with Retry-After.</summary>
    public const string Maintenance = "maintenance";

    /// <summary>A redirect route answers with its own redirect.</summary>
    public const string Redirect = "redirect";

    /// <summary>Forwarded to one of the route's target pools.</summary>
    public const string Forward = "forward";
}
