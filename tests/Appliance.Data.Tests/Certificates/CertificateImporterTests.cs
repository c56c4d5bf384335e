using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appliance.Data.Certificates;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.Certificates;

public sealed class CertificateImporterTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [InlineData("not a certificate", "pem", "No certificate found")]
    [InlineData("", "pem", "No certificate found")]
    public void Garbage_is_refused_with_the_field_and_the_reason(string pem, string field, string message)
    {
        var (_, key) = SelfSigned("a.test");
        var errors = new ValidationErrors();

        Assert.Null(CertificateImporter.Import(new CertificateUpload { Name = "x", Pem = pem, Key = key }, Now, errors));

        Assert.Contains(errors.ToDictionary()[field], m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_of_another_certificate_is_refused()
    {
        var (chain, _) = SelfSigned("a.test");
        var (_, otherKey) = SelfSigned("b.test");
        var errors = new ValidationErrors();

        Assert.Null(CertificateImporter.Import(new CertificateUpload { Name = "x", Pem = chain, Key = otherKey }, Now, errors));

        Assert.Contains(errors.ToDictionary()["key"], m => m.Contains("does not belong", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_key_is_named_as_such()
    {
        var (chain, _) = SelfSigned("a.test");
        var errors = new ValidationErrors();

        Assert.Null(CertificateImporter.Import(new CertificateUpload { Name = "x", Pem = chain, Key = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" }, Now, errors));

        Assert.Contains(errors.ToDictionary()["key"], m => m.Contains("not a PEM RSA or EC key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_valid_pair_gives_names_validity_issuer_and_a_pkcs8_key()
    {
        var (chain, key) = SelfSigned("a.test", "www.a.test");
        var errors = new ValidationErrors();

        var imported = CertificateImporter.Import(new CertificateUpload { Name = "x", Pem = chain, Key = key }, Now, errors);

        Assert.True(errors.IsEmpty);
        Assert.NotNull(imported);
        Assert.Equal(["a.test", "www.a.test"], imported.Hostnames);
        Assert.Equal("CN=a.test", imported.Issuer);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", imported.KeyPem);
        Assert.True(imported.NotAfter > Now);
    }

    private static (string Chain, string Key) SelfSigned(params string[] names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={names[0]}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(10));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
