using Microsoft.AspNetCore.DataProtection;

namespace Appliance.Data.Certificates;

/// <summary>
/// Encrypts private keys (certificates' and the ACME account's) at rest with ASP.NET Core Data
/// Protection, whose key ring lives in the owner-only data directory.
/// </summary>
public sealed class CertificateKeyProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Appliance.PrivateKeys.v1");

    public string Protect(string privateKeyPem) => _protector.Protect(privateKeyPem);

    public string Unprotect(string protectedKey) => _protector.Unprotect(protectedKey);
}
