namespace Appliance.Web.Auth;

/// <summary>Names of the API's authentication scheme and authorization policies.</summary>
public static class ApiTokenDefaults
{
    public const string Scheme = "ApiToken";

    /// <summary>Any valid token: reads.</summary>
    public const string ReadPolicy = "ApiRead";

    /// <summary>An Admin token: changes.</summary>
    public const string WritePolicy = "ApiWrite";

    /// <summary>Prometheus scrapes: any valid token, or a request from this host.</summary>
    public const string MetricsPolicy = "Metrics";
}
