namespace Appliance.Engine.Security.Shield;

/// <summary>Why a request was turned away, as metrics and the Security page name it.</summary>
public static class ShieldReasons
{
    public const string AccessList = "access-list";
    public const string RateLimit = "rate-limit";
    public const string Concurrency = "concurrency";
    public const string BasicAuth = "basic-auth";
    public const string BasicAuthThrottled = "basic-auth-throttled";
    public const string BasicAuthBusy = "basic-auth-busy";
    public const string BodySize = "body-size";
}
