namespace Appliance.Data.Hosting;

/// <summary>The folder that holds the database and other state, owner-only.</summary>
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

    /// <summary>
    /// Creates the folder if needed and makes it and everything in it owner-only (0700 folders,
    /// 0600 files), also when it existed before with wider modes; from then on every file the
    /// process creates is owner-only too. Refuses a folder that belongs to another user, whose
    /// owner could read or replace the appliance's secrets, also when the path is a link to it.
    /// </summary>
    public void EnsureExists()
    {
        OwnerOnlyFiles.RestrictNewFiles();
        if (!Directory.Exists(FullPath))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(FullPath);
            }
            else
            {
                Directory.CreateDirectory(FullPath, OwnerOnlyFiles.DirectoryMode);
            }
        }

        if (OwnerOnlyFiles.OwnerOf(FullPath) is { } owner && OwnerOnlyFiles.CurrentUser() is { } self && owner != self)
        {
            var target = new DirectoryInfo(FullPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            throw new InvalidOperationException(
                $"The data directory {FullPath}{(target is null ? "" : $" (a link to {target})")} belongs to user id {owner}, not to the user the appliance runs as ({self}). "
                + "Give it to that user (chown -R) or point Appliance:DataDirectory elsewhere.");
        }

        OwnerOnlyFiles.Restrict(FullPath);
    }
}
