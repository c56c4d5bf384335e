using System.Security.Cryptography;
using System.Text.Json;
using Appliance.Engine.Tls.Acme;

namespace Appliance.Engine.Tests.Tls.Acme;

public sealed class JsonWebKeyTests
{
    [Fact]
    public void The_thumbprint_of_RFC_7638s_example_key_is_the_one_the_RFC_gives()
    {
        // RFC 7638 §3.1.
        const string n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        var key = JsonWebKey.ForRsa(System.Buffers.Text.Base64Url.DecodeFromChars(n), System.Buffers.Text.Base64Url.DecodeFromChars("AQAB"));

        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", key.Thumbprint());
    }

    [Fact]
    public void An_EC_key_has_the_P_256_members_and_a_stable_thumbprint()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = JsonWebKey.ForEc(ec).ToJson();

        Assert.Equal("EC", (string?)jwk["kty"]);
        Assert.Equal("P-256", (string?)jwk["crv"]);
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars((string)jwk["x"]!).Length);
        Assert.Equal(JsonWebKey.ForEc(ec).Thumbprint(), JsonWebKey.ForEc(ec).Thumbprint());
    }

    [Fact]
    public void A_JWS_verifies_with_its_key_names_url_nonce_and_signer_and_fails_with_another_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var withJwk = AcmeJws.Sign(key, "https://ca.test/new-account", "nonce-1", accountUrl: null, new System.Text.Json.Nodes.JsonObject { ["termsOfServiceAgreed"] = true });
        var header = AcmeJws.Verify(withJwk, key);
        Assert.NotNull(header);
        Assert.Equal("ES256", header.Value.GetProperty("alg").GetString());
        Assert.Equal("https://ca.test/new-account", header.Value.GetProperty("url").GetString());
        Assert.Equal("nonce-1", header.Value.GetProperty("nonce").GetString());
        Assert.Equal("EC", header.Value.GetProperty("jwk").GetProperty("kty").GetString());
        Assert.False(header.Value.TryGetProperty("kid", out _));
        Assert.Null(AcmeJws.Verify(withJwk, other));

        // With an account: "kid" instead of "jwk", and POST-as-GET has an empty payload.
        var postAsGet = AcmeJws.Sign(key, "https://ca.test/order/1", "nonce-2", "https://ca.test/acct/7", payload: null);
        var kidHeader = AcmeJws.Verify(postAsGet, key);
        Assert.Equal("https://ca.test/acct/7", kidHeader!.Value.GetProperty("kid").GetString());
        Assert.False(kidHeader.Value.TryGetProperty("jwk", out _));
        Assert.Equal("", JsonDocument.Parse(postAsGet).RootElement.GetProperty("payload").GetString());

        // The signature is R||S: 64 bytes for P-256.
        Assert.Equal(64, System.Buffers.Text.Base64Url.DecodeFromChars(JsonDocument.Parse(postAsGet).RootElement.GetProperty("signature").GetString()!).Length);
    }

    [Fact]
    public void The_CSR_names_every_host_as_a_DNS_SAN_and_carries_the_P_256_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var der = CertificateSigningRequest.Create(key, ["app.example.com", "www.example.com"]);

        var request = System.Security.Cryptography.X509Certificates.CertificateRequest.LoadSigningRequest(
            der, HashAlgorithmName.SHA256, System.Security.Cryptography.X509Certificates.CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        Assert.Equal("CN=app.example.com", request.SubjectName.Name);
        var san = new System.Security.Cryptography.X509Certificates.X509SubjectAlternativeNameExtension(
            request.CertificateExtensions.Single(e => e.Oid?.Value == "2.5.29.17").RawData);
        Assert.Equal(["app.example.com", "www.example.com"], san.EnumerateDnsNames());
        using var publicKey = request.PublicKey.GetECDsaPublicKey();
        Assert.NotNull(publicKey);
        Assert.Equal(256, publicKey.KeySize);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), publicKey.ExportSubjectPublicKeyInfo());
    }
}
