using QRCoder;

namespace Appliance.Web.Auth.TwoFactor;

/// <summary>
/// The QR code of an authenticator's <c>otpauth://</c> URI as a PNG data URI: drawn here, so the
/// secret never leaves the appliance for a chart service, and shown with an ordinary <c>img</c>.
/// </summary>
public static class TotpQrCode
{
    /// <summary>Pixels per module: a 33-module code becomes about 200 pixels, easy for a phone to read.</summary>
    private const int PixelsPerModule = 5;

    public static string ToDataUri(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(PixelsPerModule));
    }
}
