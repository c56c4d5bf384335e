using System.Net.Http.Json;
using Appliance.Web.Hosting;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Hosting;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryPermissionTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode WorldReadable = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [Fact]
    public async Task A_data_directory_that_existed_with_wide_modes_is_made_owner_only_and_so_is_every_file_the_appliance_writes()
    {
        var host = new ApplianceHost();
        Directory.CreateDirectory(host.DataDirectory);
        File.SetUnixFileMode(host.DataDirectory, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var notes = Path.Combine(host.DataDirectory, "left-by-an-older-version.txt");
        await File.WriteAllTextAsync(notes, "x");
        File.SetUnixFileMode(notes, WorldReadable);
        var keys = Directory.CreateDirectory(Path.Combine(host.DataDirectory, "keys")).FullName;
        File.SetUnixFileMode(keys, OwnerOnlyFolder | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await host.InitializeAsync();
        try
        {
            // A write while running creates SQLite's -wal and -shm files if they were not there yet.
            using (var created = await host.Api.PostAsJsonAsync("/api/v1/pools", new { name = "modes", backends = new[] { new { address = "http://127.0.0.1:9" } } }))
            {
                created.EnsureSuccessStatusCode();
            }

            var database = Path.Combine(host.DataDirectory, "appliance.db");
            Assert.True(File.Exists(database + "-wal"), "the database runs in WAL mode");
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(host.DataDirectory));
            foreach (var entry in new DirectoryInfo(host.DataDirectory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            {
                Assert.True(
                    entry.UnixFileMode == (entry is DirectoryInfo ? OwnerOnlyFolder : OwnerOnlyFile),
                    $"{entry.FullName} is {entry.UnixFileMode}");
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public void A_data_directory_that_belongs_to_another_user_stops_the_start()
    {
        string directory;
        var runsAsRoot = Environment.UserName == "root";
        if (runsAsRoot)
        {
            // As root, a folder handed to "nobody" plays another user's.
            directory = Path.Combine(Path.GetTempPath(), "appliance-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            Chown(directory, "65534:65534");
        }
        else
        {
            // As anyone else, a folder of root's.
            directory = "/usr/share";
        }

        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => ApplianceApplication.Create([], builder =>
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Appliance:DataDirectory"] = directory })));
            Assert.Contains("belongs to user id", error.Message);
            Assert.Contains(directory, error.Message);
        }
        finally
        {
            if (runsAsRoot)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void A_data_directory_that_is_a_link_to_another_users_folder_stops_the_start()
    {
        // The link is the service user's own; the folder it leads to is not, and that folder is
        // where the secrets would go.
        var runsAsRoot = Environment.UserName == "root";
        var parent = Path.Combine(Path.GetTempPath(), "appliance-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(parent);
        string target;
        if (runsAsRoot)
        {
            target = Directory.CreateDirectory(Path.Combine(parent, "nobodys")).FullName;
            Chown(target, "65534:65534");
        }
        else
        {
            target = "/usr/share";
        }

        var link = Path.Combine(parent, "data");
        Directory.CreateSymbolicLink(link, target);
        var modeBefore = File.GetUnixFileMode(target);
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => ApplianceApplication.Create([], builder =>
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Appliance:DataDirectory"] = link })));
            Assert.Contains("belongs to user id", error.Message);
            Assert.Contains(link, error.Message);
            Assert.Equal(modeBefore, File.GetUnixFileMode(target));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    private static void Chown(string path, string owner)
    {
        using var chown = System.Diagnostics.Process.Start("chown", [owner, path]);
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }
}
