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
/// cluster tests): two nodes' data layers on one database read each other's payloads, and the
/// rows hold no key in plain text.
/// </summary>
public sealed class SharedKeyRingTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-data-tests", Guid.NewGuid().ToString("N"));
    private readonly List<ServiceProvider> _nodes = [];
    private string _database = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var certificate = KeyRingStartTests.WritePfx(_directory, "ring password");
        _database = await PostgresServer.Instance.CreateDatabaseAsync();
        foreach (var name in new[] { "a", "b" })
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Appliance:DataDirectory"] = Path.Combine(_directory, name),
                ["Appliance:Database:Provider"] = "Postgres",
                ["Appliance:Database:ConnectionString"] = _database,
                [KeyRingOptions.CertificatePathKey] = certificate,
                [KeyRingOptions.CertificatePasswordKey] = "ring password",
            }).Build();
            _nodes.Add(new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddApplianceData(configuration).BuildServiceProvider());
        }

        await _nodes[0].GetServices<IHostedService>().OfType<DatabaseMigrator>().Single().StartAsync(CancellationToken.None);
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

        var rows = await RingRowsAsync();
        var row = Assert.Single(rows);
        Assert.Contains("EncryptedData", row);
        Assert.DoesNotContain("<masterKey", row);
        Assert.False(Directory.Exists(Path.Combine(_directory, "a", "keys")), "the ring is not written to the data directory on Postgres");
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
