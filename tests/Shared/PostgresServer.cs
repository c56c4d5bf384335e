using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Appliance.Testing;

/// <summary>
/// A throwaway PostgreSQL server for the whole test run: Debian's binaries, a cluster in a temporary
/// folder, a free loopback port, no durability (fsync off), stopped when the test process exits.
/// PostgreSQL refuses to run as root, so as root the cluster belongs to the <c>postgres</c> user.
/// Each fixture takes a database of its own (<see cref="CreateDatabaseAsync"/>). A test that stops
/// the server takes a private one (<see cref="StartPrivateAsync"/>): test classes run in parallel
/// on the shared one, which must never go down.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _directory;
    private readonly string _binaries;

    private PostgresServer(string directory, string binaries, int port)
    {
        _directory = directory;
        _binaries = binaries;
        Port = port;
    }

    /// <summary>The server of this test run, started on first use.</summary>
    public static PostgresServer Instance => Shared.Value;

    /// <summary>A server of the caller's own, which it may <see cref="Pause"/> and must dispose.</summary>
    public static Task<PostgresServer> StartPrivateAsync() => Task.Run(Start);

    /// <summary>Stops a private server and deletes its files; the shared one stays up until the run ends.</summary>
    public ValueTask DisposeAsync()
    {
        if (Shared.IsValueCreated && ReferenceEquals(Shared.Value, this))
        {
            throw new InvalidOperationException("The shared server serves test classes running in parallel; only a private one is disposed.");
        }

        NpgsqlConnection.ClearAllPools();
        return new ValueTask(Task.Run(StopForGood));
    }

    public int Port { get; }

    /// <summary>Connection string of <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=appliance;Database={database};Pooling=true;Timeout=5;Command Timeout=15";

    /// <summary>Creates an empty database with a fresh name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Drops the database behind <paramref name="connectionString"/>, closing what still uses it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops the server (as when the database host goes down); <see cref="Resume"/> brings it back on the same port.</summary>
    public void Pause() => PgCtl("stop -m fast -w");

    /// <summary>Starts the server again after <see cref="Pause"/>.</summary>
    public void Resume() => PgCtl($"start -w -t 30 -l {Path.Combine(_directory, "server.log")} -o \"{ServerOptions()}\"");

    private static PostgresServer Start()
    {
        var binaries = FindBinaries();
        var directory = Path.Combine(Path.GetTempPath(), "appliance-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var server = new PostgresServer(directory, binaries, FreePort());
        if (Environment.UserName == "root")
        {
            Run("chown", $"postgres:postgres {directory}", asPostgres: false);
        }

        Run(Path.Combine(binaries, "initdb"), $"-D {server.DataPath} -U appliance --auth=trust -E UTF8 --no-sync", asPostgres: true);
        server.Resume();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopForGood();
        return server;
    }

    private string DataPath => Path.Combine(_directory, "data");

    private string ServerOptions() =>
        $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";

    private void StopForGood()
    {
        try
        {
            PgCtl("stop -m immediate -w");
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception)
        {
            // The process is ending; a folder left in /tmp is all that can go wrong.
        }
    }

    private void PgCtl(string arguments) => Run(Path.Combine(_binaries, "pg_ctl"), $"-D {DataPath} {arguments}", asPostgres: true);

    private static void Run(string program, string arguments, bool asPostgres)
    {
        var info = asPostgres && Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed: {output.Result} {error.Result}");
        }
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); ./test.sh installs it.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
