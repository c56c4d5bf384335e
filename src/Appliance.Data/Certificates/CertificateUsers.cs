using Appliance.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Certificates;

/// <summary>
/// Which routes use a certificate: those whose tls names it, and the route whose tls "auto" manages
/// it. The same answer keeps a certificate from being deleted, fills <see cref="CertificateInfo.UsedBy"/>
/// and decides which host names a replacement must keep covering.
/// </summary>
internal static class CertificateUsers
{
    /// <summary>Every route with its tls and hosts, read in the caller's context (and transaction, when it has one).</summary>
    public static async Task<IReadOnlyList<CertificateUser>> ReadAsync(ApplianceDbContext db, CancellationToken cancellationToken)
    {
        var routes = await db.Routes.AsNoTracking().Select(r => new { r.Name, r.Tls, r.Hosts }).ToListAsync(cancellationToken);
        return routes.Select(r => new CertificateUser(r.Name, r.Tls, r.Hosts)).ToArray();
    }

    /// <summary>The routes that use <paramref name="certificate"/>, by name.</summary>
    public static IReadOnlyList<CertificateUser> Of(string certificate, IEnumerable<CertificateUser> routes) =>
        routes.Where(r => r.Tls == certificate || (r.Tls == TlsModes.Auto && TlsModes.AutoCertificateName(r.Route) == certificate))
            .OrderBy(r => r.Route, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The names of the routes that use <paramref name="certificate"/>.</summary>
    public static IReadOnlyList<string> NamesOf(string certificate, IEnumerable<CertificateUser> routes) =>
        Of(certificate, routes).Select(r => r.Route).ToArray();
}
