using System.Globalization;
using Appliance.Data.Model;

namespace Appliance.Engine.Warnings;

/// <summary>
/// A route's certificate: one it names must exist and not have expired; its automatic one (tls:
/// auto) must not have expired. An automatic certificate not there yet is no warning: the ACME
/// worker creates it, and the dashboard reports its attempts.
/// </summary>
internal static class RouteCertificateCheck
{
    private const string Consequence = "HTTPS clients get another certificate that matches their host name, or the self-signed fallback.";

    public static SetupWarning? Check(RouteSetup route, IReadOnlyList<CertificateInfo> certificates, DateTimeOffset now)
    {
        if (route.Tls == TlsModes.Off)
        {
            return null;
        }

        var automatic = route.Tls == TlsModes.Auto;
        var name = automatic ? TlsModes.AutoCertificateName(route.Name) : route.Tls;
        var certificate = certificates.FirstOrDefault(c => c.Name == name);
        if (certificate is null)
        {
            return automatic
                ? null
                : new SetupWarning(SetupWarningKinds.RouteCertificateMissing, route.Name, $"Route '{route.Name}' names certificate '{name}', which does not exist: {Consequence}");
        }

        if (certificate.NotAfter is not { } notAfter || notAfter > now)
        {
            return null;
        }

        var when = notAfter.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var message = automatic
            ? $"The automatic certificate '{name}' of route '{route.Name}' expired on {when} and was not renewed{(certificate.LastError is { } error ? $" (last attempt: {error})" : "")}: {Consequence}"
            : $"Route '{route.Name}' names certificate '{name}', which expired on {when}: {Consequence}";
        return new SetupWarning(SetupWarningKinds.RouteCertificateExpired, route.Name, message);
    }
}
