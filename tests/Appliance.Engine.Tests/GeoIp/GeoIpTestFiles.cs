namespace Appliance.Engine.Tests.GeoIp;

/// <summary>MaxMind's test databases in the output folder (TestData/geoip/README.md), and throwaway copies of them.</summary>
internal static class GeoIpTestFiles
{
    public static string GeoIp2Country => Path.Combine(AppContext.BaseDirectory, "TestData", "geoip", "GeoIP2-Country-Test.mmdb");

    public static string GeoLite2Country => Path.Combine(AppContext.BaseDirectory, "TestData", "geoip", "GeoLite2-Country-Test.mmdb");

    /// <summary>A fresh folder of its own for a database a test replaces.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "appliance-geoip-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Puts <paramref name="source"/> at <paramref name="path"/> the way geoipupdate does: written beside it, then renamed over it.</summary>
    public static void ReplaceAtomically(string source, string path)
    {
        var staging = path + ".new";
        File.Copy(source, staging, overwrite: true);
        File.Move(staging, path, overwrite: true);
    }
}
