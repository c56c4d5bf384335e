namespace Appliance.Engine.Tls.Acme;

/// <summary>Settings of the ACME client, bound from <c>Appliance:Acme</c>.</summary>
public sealed class AcmeOptions
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
    public int OrderTimeoutSeconds { get; set; } = 120;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(DirectoryUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{SectionName}:DirectoryUrl must be an https:// URL.");
        }

        if (Email is { Length: > 0 } email && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            problems.Add($"{SectionName}:Email must be an e-mail address.");
        }

        if (TrustedRootFile is { Length: > 0 } root && !File.Exists(root))
        {
            problems.Add($"{SectionName}:TrustedRootFile '{root}' does not exist.");
        }

        if (Challenge is not (Http01 or TlsAlpn01))
        {
            problems.Add($"{SectionName}:Challenge must be '{Http01}' or '{TlsAlpn01}'.");
        }

        if (OrderTimeoutSeconds is < 10 or > 3600)
        {
            problems.Add($"{SectionName}:OrderTimeoutSeconds must be between 10 and 3600.");
        }

        return problems;
    }
}
