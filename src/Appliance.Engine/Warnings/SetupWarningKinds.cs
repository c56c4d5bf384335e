namespace Appliance.Engine.Warnings;

/// <summary>What a <see cref="SetupWarning"/> is about; the API returns these names.</summary>
public static class SetupWarningKinds
{
    /// <summary>A pool whose backends are all drained, or that has none: nothing it serves can be forwarded.</summary>
    public const string PoolWithoutEnabledBackend = "PoolWithoutEnabledBackend";

    /// <summary>A route none of whose target pools has an enabled backend: a configuration problem.</summary>
    public const string RouteWithoutEnabledBackend = "RouteWithoutEnabledBackend";

    /// <summary>A route whose target pools have enabled backends, but every one of them is unhealthy now.</summary>
    public const string RouteWithoutHealthyBackend = "RouteWithoutHealthyBackend";

    /// <summary>A route naming a certificate that does not exist.</summary>
    public const string RouteCertificateMissing = "RouteCertificateMissing";

    /// <summary>A route whose certificate (named, or its automatic one) has expired.</summary>
    public const string RouteCertificateExpired = "RouteCertificateExpired";

    /// <summary>The kind of object a warning of <paramref name="kind"/> names: <c>pool</c> or <c>route</c>.</summary>
    public static string ObjectTypeOf(string kind) => kind == PoolWithoutEnabledBackend ? "pool" : "route";
}
