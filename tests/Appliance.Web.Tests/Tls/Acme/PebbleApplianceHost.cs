using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls.Acme;

/// <summary>The appliance with Pebble as its ACME server, its data plane on the HTTP port Pebble validates against.</summary>
public class PebbleApplianceHost : ApplianceHost
{
    public PebbleServer Pebble { get; private set; } = null!;

    /// <summary>Seconds Pebble's certificates live; null for its default (years).</summary>
    protected virtual int? CertificateValiditySeconds => null;

    protected override IDictionary<string, string?> Settings => AcmeSettings;

    protected Dictionary<string, string?> AcmeSettings => new()
    {
        ["Appliance:Proxy:HttpPort"] = Pebble.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Appliance:Acme:DirectoryUrl"] = Pebble.DirectoryUrl,
        ["Appliance:Acme:Email"] = "ops@example.test",
        ["Appliance:Acme:TrustedRootFile"] = Pebble.TrustedRootFile,
        ["Appliance:Acme:OrderTimeoutSeconds"] = "30",
    };

    public override async Task InitializeAsync()
    {
        Pebble = await PebbleServer.StartAsync(certificateValiditySeconds: CertificateValiditySeconds);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Pebble.DisposeAsync();
    }
}
