using System.ComponentModel.DataAnnotations;

namespace Appliance.Engine.Tls.Acme;

/// <summary>Settings of the ACME client, bound from <c>Appliance:Acme</c> and checked at start.</summary>
public sealed class AcmeOptions : IValidatableObject
{
    public const string SectionName = "Appliance:Acme";

    /// <summary>Let's Encrypt's production directory.</summary>
    public const string LetsEncryptProduction = "https://acme-v02.api.letsencrypt.org/directory";

    /// <summary>Let's Encrypt's staging directory: untrusted certificates, generous rate limits, for trying things out.</summary>
    public const string LetsEncryptStaging = "https://acme-staging-v02.api.letsencrypt.org/directory";

    /// <summary>The ACME server's directory URL.</summary>
    public string DirectoryUrl { get; set; } = LetsEncryptProduction;

    /// <summary>Contact address for the account: the CA writes about expiring certificates and problems.</summary>
    public string? Email { get; set; }

    /// <summary>A PEM root certificate trusted for the ACME server's own HTTPS (private CAs, test servers).</summary>
    public string? TrustedRootFile { get; set; }

    /// <summary>HTTP-01 validation, on port 80 (the default).</summary>
    public const string Http01 = "http-01";

    /// <summary>TLS-ALPN-01 validation, on port 443: for sites that cannot open port 80.</summary>
    public const string TlsAlpn01 = "tls-alpn-01";

    /// <summary>The challenge tried first (<see cref="Http01"/> or <see cref="TlsAlpn01"/>); the other is used when the server offers only that one.</summary>
    public string Challenge { get; set; } = Http01;

    /// <summary>Seconds an order may take to validate and issue before the attempt counts as failed.</summary>
    [Range(10, 3600)]
    public int OrderTimeoutSeconds { get; set; } = 120;

    /// <summary>The rules that parse values or look at the file system; single-field bounds are on the properties.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(DirectoryUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult("must be an https:// URL.", [nameof(DirectoryUrl)]);
        }

        if (Email is { Length: > 0 } email && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult("must be an e-mail address.", [nameof(Email)]);
        }

        if (TrustedRootFile is { Length: > 0 } root && !File.Exists(root))
        {
            yield return new ValidationResult($"names '{root}', which does not exist.", [nameof(TrustedRootFile)]);
        }

        if (Challenge is not (Http01 or TlsAlpn01))
        {
            yield return new ValidationResult($"must be '{Http01}' or '{TlsAlpn01}'.", [nameof(Challenge)]);
        }
    }
}
