using Appliance.Data.Hosting;
using Appliance.Data.KeyRing;
using Appliance.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Appliance.Data.Tests.KeyRing;

/// <summary>
/// The key ring in PostgreSQL, protected by a certificate (the key file is covered by the
/// cluster tests): two nodes' data layers starting together on one empty database make one key
/// between them, read each other's payloads, and the rows hold no key in plain text.
/// </summary>
public sealed class SharedKeyRingTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-data-tests", Guid.NewGuid().ToString("N"));
    private readonly List<ServiceProvider> _nodes = [];
    private string _database = "";
    private string _certificate = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _certificate = KeyRingStartTests.WritePfx(_directory, "ring password");
        _database = await PostgresServer.Instance.CreateDatabaseAsync();
        var certificate = new Dictionary<string, string?>
        {
            [KeyRingOptions.CertificatePathKey] = _certificate,
            [KeyRingOptions.CertificatePasswordKey] = "ring password",
        };
        AddNode(certificate);
        AddNode(certificate);
        await Task.WhenAll(_nodes.Select(StartAsync));
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await PostgresServer.Instance.DropDatabaseAsync(_database);
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task What_one_node_protects_the_other_reads_and_the_rows_are_encrypted_with_the_certificate()
    {
        var protectedOnA = Protector(_nodes[0]).Protect("a private key");
        Assert.Equal("a private key", Protector(_nodes[1]).Unprotect(protectedOnA));

        // Two nodes started together on an empty database: one key between them.
        var row = Assert.Single(await RingRowsAsync());
        Assert.Contains("EncryptedData", row);
        Assert.DoesNotContain("<masterKey", row);
        Assert.False(Directory.Exists(Path.Combine(_directory, "node-0", "keys")), "the ring is not written to the data directory on Postgres");
    }

    [Fact]
    public async Task A_new_certificate_with_the_previous_one_named_reads_what_the_old_one_protected()
    {
        var protectedBefore = Protector(_nodes[0]).Protect("kept across the rotation");
        var rotated = AddNode(new()
        {
            [KeyRingOptions.CertificatePathKey] = KeyRingStartTests.WritePfx(_directory, "new password"),
            [KeyRingOptions.CertificatePasswordKey] = "new password",
            [KeyRingOptions.PreviousCertificatePathKey] = _certificate,
            [KeyRingOptions.PreviousCertificatePasswordKey] = "ring password",
        });
        await StartAsync(rotated);

        Assert.Equal("kept across the rotation", Protector(rotated).Unprotect(protectedBefore));
    }

    [Fact]
    public async Task A_node_whose_protector_reads_none_of_the_rings_keys_refuses_to_start_and_adds_none()
    {
        var before = (await RingRowsAsync()).Count;
        var stranger = AddNode(new()
        {
            [KeyRingOptions.CertificatePathKey] = KeyRingStartTests.WritePfx(_directory, "another password"),
            [KeyRingOptions.CertificatePasswordKey] = "another password",
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(stranger));

        Assert.Contains("can read none of them", error.Message);
        Assert.Contains(KeyRingOptions.CertificatePathKey, error.Message);
        Assert.Equal(before, (await RingRowsAsync()).Count);
    }

    private ServiceProvider AddNode(Dictionary<string, string?> protector)
    {
        var settings = new Dictionary<string, string?>(protector)
        {
            ["Appliance:DataDirectory"] = Path.Combine(_directory, "node-" + _nodes.Count),
            ["Appliance:Database:Provider"] = "Postgres",
            ["Appliance:Database:ConnectionString"] = _database,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var node = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddApplianceData(configuration).BuildServiceProvider();
        _nodes.Add(node);
        return node;
    }

    // The migrator, then the ring's loader, as a node's start runs them.
    private static async Task StartAsync(ServiceProvider node)
    {
        foreach (var hosted in node.GetServices<IHostedService>().Where(h => h is DatabaseMigrator or KeyRingInitializer))
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    private static IDataProtector Protector(IServiceProvider node) =>
        node.GetRequiredService<IDataProtectionProvider>().CreateProtector("Appliance.Tests.v1");

    private async Task<List<string>> RingRowsAsync()
    {
        var rows = new List<string>();
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Xml" FROM "DataProtectionKeys" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
