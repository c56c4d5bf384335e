namespace Appliance.Data.Model;

/// <summary>An uploaded certificate: a PEM chain with its PEM private key, or a base64 PFX with its password.</summary>
public sealed record CertificateUpload
{
    public string Name { get; init; } = "";

    /// <summary>The certificate first, then its intermediates, in PEM.</summary>
    public string? Pem { get; init; }

    /// <summary>The private key in PEM (PKCS#8, PKCS#1 or SEC1).</summary>
    public string? Key { get; init; }

    /// <summary>A PKCS#12 file, base64-encoded, instead of <see cref="Pem"/> and <see cref="Key"/>.</summary>
    public string? Pfx { get; init; }

    public string? Password { get; init; }
}
