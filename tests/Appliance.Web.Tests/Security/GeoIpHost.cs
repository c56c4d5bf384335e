using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security;

/// <summary>
/// An appliance reading a copy of MaxMind's GeoIP2 country test database of its own (a test may
/// replace it), trusting loopback as a proxy unless a subclass says otherwise.
/// </summary>
public class GeoIpHost : ApplianceHost
{
    public static string TestDatabase(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "geoip", name);

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "appliance-tests", "geoip-" + Guid.NewGuid().ToString("N"), "country.mmdb");

    /// <summary>The proxy whose X-Forwarded-For is believed; null trusts none.</summary>
    protected virtual string? TrustedProxy => "127.0.0.1/32";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?> { ["Appliance:GeoIP:DatabasePath"] = DatabasePath };
            if (TrustedProxy is { } proxy)
            {
                settings["Appliance:Proxy:TrustedProxies:0"] = proxy;
            }

            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        File.Copy(TestDatabase("GeoIP2-Country-Test.mmdb"), DatabasePath);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(DatabasePath)!, recursive: true);
    }

    /// <summary>Puts a test database in place the way geoipupdate does: written beside the old one, then renamed over it.</summary>
    public void ReplaceDatabase(string name)
    {
        var staging = DatabasePath + ".new";
        File.Copy(TestDatabase(name), staging, overwrite: true);
        File.Move(staging, DatabasePath, overwrite: true);
    }
}
