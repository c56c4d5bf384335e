using System.Security.Cryptography;
using System.Text;

namespace Appliance.Web.Components.Pages.Certificates;

/// <summary>
/// What the upload form takes from a picked file: the PEM certificates of a chain file (and its key,
/// when the file holds both, as HAProxy's do), the PEM key of a key file, or a PFX's bytes. A file of
/// the wrong kind is refused here with what to do instead; whether a right-looking file parses, and
/// whether its key matches, the store says, in the same words as the API.
/// </summary>
public static class UploadFileContent
{
    private const string CertificateLabel = "CERTIFICATE";

    /// <summary>The certificates of a chain file, in order, and the private key it also holds, if any.</summary>
    public static (string? Chain, string? Key, string? Error) ReadChain(PickedFile file)
    {
        var blocks = PemBlocks(file);
        var certificates = blocks.Where(b => b.Label == CertificateLabel).Select(b => b.Text).ToArray();
        if (certificates.Length == 0)
        {
            return (null, null, $"'{file.Name}' holds no PEM certificate (no -----BEGIN CERTIFICATE----- line). "
                + $"A DER file converts with: openssl x509 -inform der -in {file.Name} -out chain.pem; a PFX goes in the PFX picker.");
        }

        return (string.Join('\n', certificates) + "\n", blocks.FirstOrDefault(b => IsKey(b.Label)).Text, null);
    }

    /// <summary>The private key of a key file.</summary>
    public static (string? Key, string? Error) ReadKey(PickedFile file)
    {
        var blocks = PemBlocks(file);
        if (blocks.FirstOrDefault(b => IsKey(b.Label)).Text is { } key)
        {
            return (key + "\n", null);
        }

        return (null, blocks.Any(b => b.Label == CertificateLabel)
            ? $"'{file.Name}' holds a certificate, not its private key: pick the key file (-----BEGIN PRIVATE KEY-----)."
            : $"'{file.Name}' holds no PEM private key (no -----BEGIN PRIVATE KEY----- line); a key in a PFX goes in the PFX picker.");
    }

    /// <summary>A PFX's bytes in base64, as the API takes them.</summary>
    public static (string? Pfx, string? Error) ReadPfx(PickedFile file) =>
        PemBlocks(file).Count > 0
            ? (null, $"'{file.Name}' is a PEM text file, not a PFX (PKCS#12): pick it as the certificate chain or the key.")
            : (Convert.ToBase64String(file.Content), null);

    private static bool IsKey(string label) => label.EndsWith("PRIVATE KEY", StringComparison.Ordinal);

    private static List<(string Label, string? Text)> PemBlocks(PickedFile file)
    {
        var blocks = new List<(string, string?)>();
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(file.Content);
        }
        catch (DecoderFallbackException)
        {
            // Binary: DER or PKCS#12, no PEM in it.
            return blocks;
        }

        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            blocks.Add((rest[fields.Label].ToString(), rest[fields.Location].ToString()));
            rest = rest[fields.Location.End..];
        }

        return blocks;
    }
}
