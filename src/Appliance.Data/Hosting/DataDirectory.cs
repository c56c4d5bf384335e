namespace Appliance.Data.Hosting;

/// <summary>The folder that holds the database and other state; created owner-only when missing.</summary>
public sealed class DataDirectory
{
    public const string ConfigurationKey = "Appliance:DataDirectory";
    public const string DefaultPath = "./data";

    public DataDirectory(string path)
    {
        FullPath = Path.GetFullPath(path);
    }

    /// <summary>The data directory that <c>Appliance:DataDirectory</c> names, or <c>./data</c>.</summary>
    public static DataDirectory FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        new(configuration[ConfigurationKey] is { Length: > 0 } path ? path : DefaultPath);

    /// <summary>Absolute path of the folder.</summary>
    public string FullPath { get; }

    /// <summary>Path of the SQLite database.</summary>
    public string DatabasePath => Path.Combine(FullPath, "appliance.db");

    /// <summary>Creates the folder if needed; on Unix only its owner may enter it, because it holds secrets.</summary>
    public void EnsureExists()
    {
        if (Directory.Exists(FullPath))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(FullPath);
        }
        else
        {
            Directory.CreateDirectory(FullPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
