using Microsoft.AspNetCore.DataProtection;

namespace Appliance.Data.Secrets;

/// <summary>
/// Encrypts the secrets configuration objects must be able to read back (an alert channel's webhook
/// signing secret or SMTP password) with ASP.NET Core Data Protection, the same key ring that
/// protects private keys: a database dump alone does not reveal them.
/// </summary>
public sealed class ConfigSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Appliance.ConfigSecrets.v1");

    /// <summary>The secret, encrypted for storage.</summary>
    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The secret as it was given; throws when the key ring that encrypted it is gone.</summary>
    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
