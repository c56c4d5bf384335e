using Appliance.Data.Providers;
using Microsoft.Extensions.Configuration;

namespace Appliance.Data.KeyRing;

/// <summary>
/// What protects the Data Protection key ring at rest: a certificate with its private key
/// (<c>Appliance:DataProtection:CertificatePath</c>, <c>CertificatePassword</c>) or a key file
/// (<c>Appliance:DataProtection:KeyFile</c>). Required with PostgreSQL, where the ring sits in the
/// database and a dump alone must not be enough to forge sessions or read private keys.
/// </summary>
public sealed record KeyRingOptions(string? CertificatePath, string? CertificatePassword, string? KeyFile, string? PreviousKeyFile)
{
    public const string CertificatePathKey = "Appliance:DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "Appliance:DataProtection:CertificatePassword";
    public const string KeyFileKey = "Appliance:DataProtection:KeyFile";
    public const string PreviousKeyFileKey = "Appliance:DataProtection:PreviousKeyFile";

    /// <summary>Reads the settings; a combination that cannot work stops the start with the keys to fix.</summary>
    public static KeyRingOptions FromConfiguration(IConfiguration configuration, DatabaseProvider provider)
    {
        var options = new KeyRingOptions(
            Setting(configuration, CertificatePathKey),
            configuration[CertificatePasswordKey] is { Length: > 0 } password ? password : null,
            Setting(configuration, KeyFileKey),
            Setting(configuration, PreviousKeyFileKey));

        if (options.CertificatePath is not null && options.KeyFile is not null)
        {
            throw new InvalidOperationException($"Both {CertificatePathKey} and {KeyFileKey} are set; give one of them, the same on every node.");
        }

        if (!options.IsProtected && provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                $"{DatabaseOptions.ProviderKey} is Postgres, so the Data Protection key ring is kept in the database and must be protected: set {KeyFileKey} (a file made by: openssl rand -base64 32 > ring.key) or {CertificatePathKey} (a PFX or PEM with its private key), the same on every node.");
        }

        if (options.PreviousKeyFile is not null && options.KeyFile is null)
        {
            throw new InvalidOperationException($"{PreviousKeyFileKey} is set without {KeyFileKey}; it only helps the new key file read entries the old one wrote.");
        }

        if (options.CertificatePassword is not null && options.CertificatePath is null)
        {
            throw new InvalidOperationException($"{CertificatePasswordKey} is set without {CertificatePathKey}.");
        }

        return options;
    }

    /// <summary>True when a protector is configured.</summary>
    public bool IsProtected => CertificatePath is not null || KeyFile is not null;

    // Never print the password.
    public override string ToString() =>
        CertificatePath is not null ? "certificate" : KeyFile is not null ? "key file" : "unprotected";

    private static string? Setting(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
