namespace Appliance.Engine.Tls.Acme;

/// <summary>Base64url without padding (RFC 7515 §2), as JWS and ACME use it.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public static byte[] Decode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
