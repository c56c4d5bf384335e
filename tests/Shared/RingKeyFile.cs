using System.Security.Cryptography;

namespace Appliance.Testing;

/// <summary>
/// A key file for <c>Appliance:DataProtection:KeyFile</c>, which every node on PostgreSQL needs:
/// 32 random bytes in base64, as <c>openssl rand -base64 32</c> writes them, in a temporary folder.
/// </summary>
public sealed class RingKeyFile : IDisposable
{
    public const string SettingKey = "Appliance:DataProtection:KeyFile";

    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "appliance-ring-keys", Guid.NewGuid().ToString("N"));

    public RingKeyFile()
    {
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "ring.key");
        File.WriteAllText(Path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
