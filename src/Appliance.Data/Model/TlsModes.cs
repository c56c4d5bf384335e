namespace Appliance.Data.Model;

/// <summary>The special values of a route's <see cref="RouteSpec.Tls"/>; anything else names a certificate.</summary>
public static class TlsModes
{
    /// <summary>No certificate is managed for the route (HTTPS still answers with whatever certificate matches the name).</summary>
    public const string Off = "off";

    /// <summary>The appliance requests and renews an ACME certificate for the route's hosts.</summary>
    public const string Auto = "auto";

    /// <summary>How the names of automatic certificates start; other certificates cannot use it.</summary>
    public const string AutoCertificatePrefix = "auto-";

    /// <summary>The name of the certificate that <see cref="Auto"/> manages for a route.</summary>
    public static string AutoCertificateName(string routeName) => (AutoCertificatePrefix + routeName)[..Math.Min(63, routeName.Length + AutoCertificatePrefix.Length)];
}
