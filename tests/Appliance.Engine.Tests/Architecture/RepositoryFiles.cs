namespace Appliance.Engine.Tests.Architecture;

/// <summary>The checked-out repository the tests run from, found by walking up to <c>Appliance.sln</c>.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Appliance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Appliance.sln above " + AppContext.BaseDirectory + ": these tests read the repository's sources.");
    });

    public static string RootDirectory => Root.Value;

    /// <summary>A file by its path from the repository root, with forward slashes.</summary>
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(RootDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar)));
}
