using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// A public key as a JWK (RFC 7517) and its thumbprint (RFC 7638): SHA-256 over the required
/// members in lexicographic order with no whitespace. ACME uses the thumbprint in every key authorization.
/// </summary>
internal sealed class JsonWebKey
{
    private readonly SortedDictionary<string, string> _members;

    private JsonWebKey(SortedDictionary<string, string> members) => _members = members;

    /// <summary>The JWK of an EC P-256 key.</summary>
    public static JsonWebKey ForEc(ECDsa key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonWebKey(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["crv"] = "P-256",
            ["kty"] = "EC",
            ["x"] = Base64Url.Encode(parameters.Q.X),
            ["y"] = Base64Url.Encode(parameters.Q.Y),
        });
    }

    /// <summary>The JWK of an RSA key's public part.</summary>
    public static JsonWebKey ForRsa(byte[] modulus, byte[] exponent) => new(new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["e"] = Base64Url.Encode(exponent),
        ["kty"] = "RSA",
        ["n"] = Base64Url.Encode(modulus),
    });

    /// <summary>The key as a JSON object, for the JWS "jwk" header.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (name, value) in _members)
        {
            json[name] = value;
        }

        return json;
    }

    /// <summary>The RFC 7638 thumbprint, base64url.</summary>
    public string Thumbprint()
    {
        // Members sorted, no whitespace; every value here is base64url or a fixed name, so nothing needs escaping.
        var canonical = "{" + string.Join(",", _members.Select(m => $"\"{m.Key}\":\"{m.Value}\"")) + "}";
        return Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
