using Appliance.Data.Cluster;
using Appliance.Data.Counters;
using Appliance.Data.Hosting;
using Appliance.Data.KeyRing;
using Appliance.Data.Providers;
using Appliance.Engine.AccessLogging;
using Appliance.Engine.Cluster;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Mirroring;
using Appliance.Engine.Routing;
using Appliance.Engine.Tls.Acme;
using Appliance.Web.Components.Pages.Settings;
using Bunit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Settings;

// The configuration file section reads the store, so the page renders over a real database.
public sealed class SettingsPageTests(ConfigDatabase database) : BunitContext, IClassFixture<ConfigDatabase>
{
    [Theory]
    [InlineData(PathParameterMode.Strip, "Strip: removed before matching and forwarding")]
    [InlineData(PathParameterMode.Reject, "Reject: 400")]
    public void The_page_shows_how_path_parameters_are_handled(PathParameterMode mode, string shown)
    {
        var page = RenderPage(new ProxyOptions { PathParameters = mode }, new MirrorOptions());

        var row = page.Find("tr[data-setting='Appliance:Proxy:PathParameters']");
        Assert.Contains(shown, row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_shows_the_bounds_of_mirroring()
    {
        var page = RenderPage(new ProxyOptions(), new MirrorOptions { TimeoutSeconds = 3, MaxInFlight = 25, MaxBodyBytes = 8192 });

        Assert.Contains("3 s", page.Find("tr[data-setting='Appliance:Proxy:Mirror:TimeoutSeconds']").TextContent, StringComparison.Ordinal);
        Assert.Contains("25", page.Find("tr[data-setting='Appliance:Proxy:Mirror:MaxInFlight']").TextContent, StringComparison.Ordinal);
        Assert.Contains("8,192 bytes", page.Find("tr[data-setting='Appliance:Proxy:Mirror:MaxBodyBytes']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_shows_the_cluster_settings_in_force_and_never_a_password()
    {
        Services.AddSingleton(new DatabaseOptions(DatabaseProvider.Postgres, "Host=db.internal;Database=appliance;Username=appliance;Password=db-secret-71"));
        Services.AddSingleton(new NodeIdentity("edge-2"));
        Services.AddSingleton(new NodeOptions { HeartbeatSeconds = 2 });
        Services.AddSingleton(new ClusterOptions { Notifications = false, PollSeconds = 3 });
        Services.AddSingleton(new RedisOptions { Configuration = "redis1.internal:6380,redis2.internal,password=redis-secret-42,user=ops,ssl=true" });
        Services.AddSingleton(new KeyRingOptions { CertificatePath = "/etc/appliance/ring.pfx", CertificatePassword = "ring-secret-13" });

        var page = RenderPage(new ProxyOptions(), new MirrorOptions());

        Assert.Contains("Postgres", Row(page, "Appliance:Database:Provider"), StringComparison.Ordinal);
        Assert.Contains("edge-2", Row(page, "Appliance:Node:Name"), StringComparison.Ordinal);
        Assert.Contains("every 2 s; a node silent for 6 s is down", Row(page, "Appliance:Node:HeartbeatSeconds"), StringComparison.Ordinal);
        Assert.Contains("3 s", Row(page, "Appliance:Cluster:PollSeconds"), StringComparison.Ordinal);
        Assert.Contains("off", Row(page, "Appliance:Cluster:Notifications"), StringComparison.Ordinal);
        Assert.Contains("redis1.internal:6380, redis2.internal:6380", Row(page, "Appliance:Redis:Configuration"), StringComparison.Ordinal);
        Assert.Contains("certificate /etc/appliance/ring.pfx", Row(page, "Appliance:DataProtection:CertificatePath"), StringComparison.Ordinal);

        // Host and port only: not the password, not the user, not the database's connection string.
        foreach (var secret in new[] { "redis-secret-42", "password=", "user=ops", "ssl=", "db-secret-71", "Host=db.internal", "ring-secret-13" })
        {
            Assert.DoesNotContain(secret, page.Markup, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void One_node_shows_sqlite_no_redis_and_a_key_file_or_no_protector()
    {
        Services.AddSingleton(new KeyRingOptions { KeyFile = "/etc/appliance/ring.key" });
        var page = RenderPage(new ProxyOptions(), new MirrorOptions());

        Assert.Contains("Sqlite: this node alone", Row(page, "Appliance:Database:Provider"), StringComparison.Ordinal);
        Assert.Contains("(used with PostgreSQL only)", Row(page, "Appliance:Cluster:PollSeconds"), StringComparison.Ordinal);
        Assert.Contains("none: rate limits and failure counts per node", Row(page, "Appliance:Redis:Configuration"), StringComparison.Ordinal);
        Assert.Contains("key file /etc/appliance/ring.key", Row(page, "Appliance:DataProtection:KeyFile"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_protector_the_page_says_none()
    {
        var page = RenderPage(new ProxyOptions(), new MirrorOptions());
        Assert.StartsWith("none", page.Find("tr[data-setting='Appliance:DataProtection:KeyFile'] code").TextContent, StringComparison.Ordinal);
    }

    private static string Row(IRenderedComponent<SettingsPage> page, string key) => page.Find($"tr[data-setting='{key}']").TextContent;

    private IRenderedComponent<SettingsPage> RenderPage(ProxyOptions proxy, MirrorOptions mirror)
    {
        // A test's own cluster settings win (TryAdd): the defaults are one node's.
        Services.TryAddSingleton(new DatabaseOptions(DatabaseProvider.Sqlite, null));
        Services.TryAddSingleton(new NodeIdentity("node-a"));
        Services.TryAddSingleton(new NodeOptions());
        Services.TryAddSingleton(new ClusterOptions { Notifications = true, PollSeconds = 1 });
        Services.TryAddSingleton(new RedisOptions());
        Services.TryAddSingleton(new KeyRingOptions());
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(proxy);
        Services.AddSingleton(mirror);
        Services.AddSingleton(new AccessLogOptions());
        Services.AddSingleton(new AcmeOptions());
        Services.AddSingleton(new Appliance.Data.History.HistoryOptions());
        Services.AddSingleton(new Appliance.Engine.Uptime.UptimeOptions());
        Services.AddSingleton(new Appliance.Engine.Alerts.AlertOptions());
        Services.AddSingleton(new DataDirectory(Path.GetTempPath()));
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddSingleton(database.Store);
        Services.AddSingleton(TimeProvider.System);
        AddAuthorization().SetAuthorized("ops");
        return Render<SettingsPage>();
    }
}
