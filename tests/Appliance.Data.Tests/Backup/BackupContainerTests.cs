using System.Buffers.Binary;
using System.Text;
using Appliance.Data.Backup;

namespace Appliance.Data.Tests.Backup;

public sealed class BackupContainerTests
{
    private const string Passphrase = "twelve chars or more";
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"secret\":\"-----BEGIN PRIVATE KEY-----\"}");

    // One sealed file shared by the tests: PBKDF2 at 600,000 iterations is the slow part.
    private static readonly Lazy<byte[]> Sealed = new(() => BackupContainer.Seal(Payload, Passphrase));

    [Fact]
    public void A_sealed_payload_opens_with_its_passphrase_and_shows_nothing_in_clear()
    {
        var file = Sealed.Value;

        Assert.Equal(Payload, BackupContainer.Open(file, Passphrase));
        Assert.Equal("APLBKUP\n", Encoding.ASCII.GetString(file, 0, 8));
        Assert.Equal(BackupContainer.CurrentVersion, file[8]);
        Assert.Equal(BackupContainer.Pbkdf2Sha256, file[9]);
        Assert.Equal(BackupContainer.DefaultIterations, BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(10)));
        Assert.Equal(42 + Payload.Length + 16, file.Length);
        Assert.DoesNotContain("PRIVATE KEY", Encoding.Latin1.GetString(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_seals_of_one_payload_differ_in_salt_nonce_and_ciphertext()
    {
        var other = BackupContainer.Seal(Payload, Passphrase);
        Assert.False(other.AsSpan(14).SequenceEqual(Sealed.Value.AsSpan(14)));
        Assert.False(other.AsSpan(14, 16).SequenceEqual(Sealed.Value.AsSpan(14, 16)));
    }

    [Fact]
    public void A_wrong_passphrase_is_refused()
    {
        var refused = Assert.Throws<BackupUnreadableException>(() => BackupContainer.Open(Sealed.Value, Passphrase + "x"));
        Assert.Equal(BackupContainer.Unreadable, refused.Message);
    }

    [Fact]
    public void Every_changed_byte_is_detected_header_included()
    {
        // Magic, KDF id, iterations, salt, nonce, ciphertext, tag: each region once.
        foreach (var offset in new[] { 0, 9, 13, 14, 29, 30, 41, 42, 42 + Payload.Length - 1, Sealed.Value.Length - 1 })
        {
            var file = Sealed.Value.ToArray();
            file[offset] ^= 0x01;
            var refused = Assert.Throws<BackupUnreadableException>(() => BackupContainer.Open(file, Passphrase));
            Assert.Equal(BackupContainer.Unreadable, refused.Message);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(41)]
    [InlineData(57)]
    [InlineData(1)]
    public void Truncated_files_are_refused(int cut)
    {
        var file = cut == 1 ? Sealed.Value[..^1] : Sealed.Value[..cut];
        Assert.Throws<BackupUnreadableException>(() => BackupContainer.Open(file, Passphrase));
    }

    [Fact]
    public void A_newer_format_is_named_rather_than_guessed_at()
    {
        var file = Sealed.Value.ToArray();
        file[8] = 2;
        var refused = Assert.Throws<BackupUnreadableException>(() => BackupContainer.Open(file, Passphrase));
        Assert.Contains("format 2", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"format {BackupContainer.CurrentVersion}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_asking_for_fewer_or_far_more_iterations_is_refused_before_any_work()
    {
        foreach (var iterations in new[] { 1, BackupContainer.DefaultIterations - 1, int.MaxValue })
        {
            var file = Sealed.Value.ToArray();
            BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(10), iterations);
            Assert.Throws<BackupUnreadableException>(() => BackupContainer.Open(file, Passphrase));
        }
    }
}
