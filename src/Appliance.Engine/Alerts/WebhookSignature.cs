using System.Security.Cryptography;

namespace Appliance.Engine.Alerts;

/// <summary>The <c>X-Appliance-Signature</c> of a webhook body: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact bytes sent.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Appliance-Signature";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body));
}
