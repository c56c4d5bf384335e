using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// Signs ACME requests as flattened JWS (RFC 8555 §6.2) with ES256: the protected header names the
/// URL and a fresh nonce, and either the account URL ("kid") or, before there is an account, the key ("jwk").
/// </summary>
internal static class AcmeJws
{
    /// <summary>Signs <paramref name="payload"/> (null for POST-as-GET, whose payload is empty).</summary>
    public static string Sign(ECDsa key, string url, string nonce, string? accountUrl, JsonNode? payload)
    {
        var header = new JsonObject { ["alg"] = "ES256", ["nonce"] = nonce, ["url"] = url };
        if (accountUrl is null)
        {
            header["jwk"] = JsonWebKey.ForEc(key).ToJson();
        }
        else
        {
            header["kid"] = accountUrl;
        }

        var protectedPart = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString()));
        var payloadPart = payload is null ? "" : Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));

        // ES256 signatures are R||S, 64 bytes (RFC 7518 §3.4): .NET's IEEE P1363 format.
        var signature = key.SignData(Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new JsonObject
        {
            ["protected"] = protectedPart,
            ["payload"] = payloadPart,
            ["signature"] = Base64Url.Encode(signature),
        }.ToJsonString();
    }

    /// <summary>Checks a flattened JWS made by <see cref="Sign"/> against <paramref name="key"/>, and returns its protected header.</summary>
    public static JsonElement? Verify(string jws, ECDsa key)
    {
        using var document = JsonDocument.Parse(jws);
        var root = document.RootElement;
        var protectedPart = root.GetProperty("protected").GetString()!;
        var payloadPart = root.GetProperty("payload").GetString()!;
        var signature = Base64Url.Decode(root.GetProperty("signature").GetString()!);
        if (!key.VerifyData(Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return null;
        }

        return JsonDocument.Parse(Base64Url.Decode(protectedPart)).RootElement.Clone();
    }
}
