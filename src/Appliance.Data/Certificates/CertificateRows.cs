using Appliance.Data.Entities;
using Appliance.Data.Model;

namespace Appliance.Data.Certificates;

/// <summary>Between certificate rows and what is shown or stored: the one place a row is described, and the one place a checked chain is written into one.</summary>
internal static class CertificateRows
{
    // Expiry is a fact of the clock, not something a worker must remember to write down.
    public static CertificateInfo ToInfo(CertificateEntity entity, DateTimeOffset now, IReadOnlyList<string>? usedBy = null) => new()
    {
        Name = entity.Name,
        Hostnames = [.. entity.Hostnames],
        Source = entity.Source,
        Status = entity.NotAfter is { } notAfter && notAfter <= now && entity.Status == CertificateStatus.Valid ? CertificateStatus.Expired : entity.Status,
        NotBefore = entity.NotBefore,
        NotAfter = entity.NotAfter,
        Issuer = entity.Issuer,
        Thumbprint = entity.Thumbprint,
        LastError = entity.LastError,
        NextAttemptAt = entity.Source == CertificateSource.Acme ? entity.NextAttemptAt : null,
        UsedBy = usedBy ?? [],
    };

    /// <summary>Writes a checked chain and its key (encrypted) into <paramref name="entity"/>: the served certificate changes with this row, in the caller's transaction.</summary>
    public static void Apply(ImportedCertificate imported, CertificateEntity entity, CertificateKeyProtector keys)
    {
        entity.Hostnames = [.. imported.Hostnames];
        entity.Status = CertificateStatus.Valid;
        entity.NotBefore = imported.NotBefore;
        entity.NotAfter = imported.NotAfter;
        entity.Issuer = imported.Issuer;
        entity.Thumbprint = imported.Thumbprint;
        entity.ChainPem = imported.ChainPem;
        entity.ProtectedKey = keys.Protect(imported.KeyPem);
    }
}
