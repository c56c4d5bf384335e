using Microsoft.AspNetCore.DataProtection;

namespace Appliance.Data.TwoFactor;

/// <summary>
/// Encrypts TOTP secrets at rest with the Data Protection key ring, as private keys are
/// (<see cref="Certificates.CertificateKeyProtector"/>), under a purpose of their own: a payload
/// protected for one cannot be read as the other. The secret is never logged or audited.
/// </summary>
public sealed class TwoFactorSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Appliance.TwoFactorSecrets.v1");

    public string Protect(byte[] secret) => Convert.ToBase64String(_protector.Protect(secret));

    public byte[] Unprotect(string protectedSecret) => _protector.Unprotect(Convert.FromBase64String(protectedSecret));
}
