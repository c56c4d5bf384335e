using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appliance.Data.KeyRing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.KeyRing;

/// <summary>The key ring's protector is checked as the data layer is registered: a node that cannot protect or read the ring does not start.</summary>
public sealed class KeyRingStartTests : IDisposable
{
    private const string Postgres = "Host=127.0.0.1;Database=never-opened";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-data-tests", Guid.NewGuid().ToString("N"));

    public KeyRingStartTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Postgres_without_a_protector_is_refused_naming_both_settings()
    {
        var error = StartFails(new() { ["Appliance:Database:Provider"] = "Postgres", ["Appliance:Database:ConnectionString"] = Postgres + ";Password=db-secret" });
        Assert.Contains(KeyRingOptions.KeyFileKey, error.Message);
        Assert.Contains(KeyRingOptions.CertificatePathKey, error.Message);
        Assert.DoesNotContain("db-secret", error.Message);
    }

    [Fact]
    public void Sqlite_needs_no_protector()
    {
        using var services = Start([]);
        Assert.NotNull(services.GetService<IDataProtectionProvider>());
    }

    [Fact]
    public void Both_protectors_at_once_are_refused()
    {
        var error = StartFails(new() { [KeyRingOptions.KeyFileKey] = WriteKeyFile(), [KeyRingOptions.CertificatePathKey] = WritePfx("pw") });
        Assert.Contains("give one of them", error.Message);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("directory")]
    [InlineData("short")]
    [InlineData("not-base64")]
    public void A_bad_key_file_is_refused_naming_the_setting_without_its_content(string kind)
    {
        var path = Path.Combine(_directory, "ring.key");
        var content = kind switch
        {
            "short" => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
            "not-base64" => "this is not a key but a secret-looking text",
            _ => null,
        };
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }
        else if (kind == "directory")
        {
            Directory.CreateDirectory(path);
        }

        var error = StartFails(new() { [KeyRingOptions.KeyFileKey] = path });
        Assert.Contains(KeyRingOptions.KeyFileKey, error.Message);
        Assert.Contains("openssl rand -base64 32", error.Message);
        if (content is not null)
        {
            Assert.DoesNotContain(content, error.Message);
        }
    }

    [Fact]
    public void On_Sqlite_a_key_file_encrypts_the_ring_in_the_data_directory()
    {
        using var services = Start(new() { [KeyRingOptions.KeyFileKey] = WriteKeyFile() });
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("secret", protector.Unprotect(protector.Protect("secret")));

        var ring = Directory.GetFiles(Path.Combine(_directory, "data", "keys")).Select(File.ReadAllText).ToList();
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.Contains("keyFileEncrypted", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    [Fact]
    public void A_previous_key_file_needs_a_current_one()
    {
        var error = StartFails(new() { [KeyRingOptions.PreviousKeyFileKey] = WriteKeyFile() });
        Assert.Contains(KeyRingOptions.PreviousKeyFileKey, error.Message);
    }

    [Fact]
    public void A_previous_certificate_needs_a_current_one()
    {
        var error = StartFails(new() { [KeyRingOptions.KeyFileKey] = WriteKeyFile(), [KeyRingOptions.PreviousCertificatePathKey] = WritePfx("pw") });
        Assert.Contains(KeyRingOptions.PreviousCertificatePathKey, error.Message);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SelfSigned(rsa);
        var path = Path.Combine(_directory, "public.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());

        var error = StartFails(new() { [KeyRingOptions.CertificatePathKey] = path });
        Assert.Contains(KeyRingOptions.CertificatePathKey, error.Message);
        Assert.Contains("without its private key", error.Message);
    }

    [Fact]
    public void A_wrong_certificate_password_is_refused_without_echoing_it()
    {
        var error = StartFails(new() { [KeyRingOptions.CertificatePathKey] = WritePfx("right-password"), [KeyRingOptions.CertificatePasswordKey] = "wrong-password" });
        Assert.Contains(KeyRingOptions.CertificatePasswordKey, error.Message);
        Assert.DoesNotContain("wrong-password", error.Message);
        Assert.DoesNotContain("right-password", error.Message);
    }

    [Fact]
    public void A_certificate_that_is_not_RSA_is_refused()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=ring", ecdsa, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_directory, "ec.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + ecdsa.ExportPkcs8PrivateKeyPem());

        Assert.Contains("not an RSA certificate", StartFails(new() { [KeyRingOptions.CertificatePathKey] = path }).Message);
    }

    [Fact]
    public void A_PEM_certificate_with_its_key_in_the_same_file_is_accepted()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SelfSigned(rsa);
        var path = Path.Combine(_directory, "ring.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());

        using var services = Start(new() { [KeyRingOptions.CertificatePathKey] = path });
        Assert.NotNull(services.GetService<IDataProtectionProvider>());
    }

    internal static X509Certificate2 SelfSigned(RSA rsa) =>
        new CertificateRequest("CN=appliance key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));

    internal static string WritePfx(string directory, string password)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SelfSigned(rsa);
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    private string WritePfx(string password) => WritePfx(_directory, password);

    private string WriteKeyFile()
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".key");
        File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        return path;
    }

    private ServiceProvider Start(Dictionary<string, string?> settings)
    {
        settings["Appliance:DataDirectory"] = Path.Combine(_directory, "data");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddApplianceData(configuration).BuildServiceProvider();
    }

    private InvalidOperationException StartFails(Dictionary<string, string?> settings) =>
        Assert.Throws<InvalidOperationException>(() => Start(settings).Dispose());
}
