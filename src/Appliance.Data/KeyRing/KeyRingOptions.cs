using Appliance.Data.Providers;
using Microsoft.Extensions.Configuration;

namespace Appliance.Data.KeyRing;

/// <summary>
/// What protects the Data Protection key ring at rest: a certificate with its private key
/// (<c>Appliance:DataProtection:CertificatePath</c>, <c>CertificatePassword</c>) or a key file
/// (<c>Appliance:DataProtection:KeyFile</c>), plus, while rotating, the previous one, which still
/// reads the entries it protected. Required with PostgreSQL, where the ring sits in the database
/// and a dump alone must not be enough to forge sessions or read private keys.
/// </summary>
public sealed record KeyRingOptions
{
    public const string CertificatePathKey = "Appliance:DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "Appliance:DataProtection:CertificatePassword";
    public const string PreviousCertificatePathKey = "Appliance:DataProtection:PreviousCertificatePath";
    public const string PreviousCertificatePasswordKey = "Appliance:DataProtection:PreviousCertificatePassword";
    public const string KeyFileKey = "Appliance:DataProtection:KeyFile";
    public const string PreviousKeyFileKey = "Appliance:DataProtection:PreviousKeyFile";

    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    public string? PreviousCertificatePath { get; init; }

    public string? PreviousCertificatePassword { get; init; }

    public string? KeyFile { get; init; }

    public string? PreviousKeyFile { get; init; }

    /// <summary>True when a protector is configured.</summary>
    public bool IsProtected => CertificatePath is not null || KeyFile is not null;

    /// <summary>Reads the settings; a combination that cannot work stops the start with the keys to fix.</summary>
    public static KeyRingOptions FromConfiguration(IConfiguration configuration, DatabaseProvider provider)
    {
        var options = new KeyRingOptions
        {
            CertificatePath = Path(configuration, CertificatePathKey),
            CertificatePassword = Password(configuration, CertificatePasswordKey),
            PreviousCertificatePath = Path(configuration, PreviousCertificatePathKey),
            PreviousCertificatePassword = Password(configuration, PreviousCertificatePasswordKey),
            KeyFile = Path(configuration, KeyFileKey),
            PreviousKeyFile = Path(configuration, PreviousKeyFileKey),
        };

        if (options.CertificatePath is not null && options.KeyFile is not null)
        {
            throw new InvalidOperationException($"Both {CertificatePathKey} and {KeyFileKey} are set; give one of them, the same on every node.");
        }

        if (!options.IsProtected && provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                $"{DatabaseOptions.ProviderKey} is Postgres, so the Data Protection key ring is kept in the database and must be protected: set {KeyFileKey} (a file made by: openssl rand -base64 32 > ring.key) or {CertificatePathKey} (a PFX or PEM with its private key), the same on every node.");
        }

        RequireWith(options.KeyFile, options.PreviousKeyFile, KeyFileKey, PreviousKeyFileKey);
        RequireWith(options.CertificatePath, options.CertificatePassword, CertificatePathKey, CertificatePasswordKey);
        RequireWith(options.CertificatePath, options.PreviousCertificatePath, CertificatePathKey, PreviousCertificatePathKey);
        RequireWith(options.PreviousCertificatePath, options.PreviousCertificatePassword, PreviousCertificatePathKey, PreviousCertificatePasswordKey);
        return options;
    }

    // Never print the passwords.
    public override string ToString() =>
        CertificatePath is not null ? "certificate" : KeyFile is not null ? "key file" : "unprotected";

    private static void RequireWith(string? required, string? dependent, string requiredKey, string dependentKey)
    {
        if (dependent is not null && required is null)
        {
            throw new InvalidOperationException($"{dependentKey} is set without {requiredKey}.");
        }
    }

    private static string? Path(IConfiguration configuration, string key) =>
        string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();

    private static string? Password(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } password ? password : null;
}
