using Appliance.Web.Hosting;

namespace Appliance.Web.Tests.Hosting;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Appliance:Proxy:HttpPort", "70000", "Appliance:Proxy:HttpPort")]
    [InlineData("Appliance:Proxy:BindAddress", "everywhere", "Appliance:Proxy:BindAddress")]
    [InlineData("Appliance:Proxy:Limits:MaxRequestBodySize", "0", "Appliance:Proxy:Limits:MaxRequestBodySize")]
    [InlineData("Appliance:Proxy:Limits:RequestHeadersTimeoutSeconds", "0", "Appliance:Proxy:Limits:RequestHeadersTimeoutSeconds")]
    [InlineData("Appliance:Proxy:BasicAuth:BlockSeconds", "0", "Appliance:Proxy:BasicAuth:BlockSeconds")]
    [InlineData("Appliance:Proxy:PathParameters", "Keep", "Appliance:Proxy:PathParameters")]
    [InlineData("Appliance:Proxy:PathParameters", "7", "Appliance:Proxy:PathParameters")]
    [InlineData("Appliance:Cache:MaxSizeMB", "0", "Appliance:Cache:MaxSizeMB")]
    [InlineData("Appliance:Acme:Challenge", "dns-01", "Appliance:Acme:Challenge")]
    [InlineData("Appliance:Admin:TrustedProxies:0", "the-proxy", "Appliance:Admin:TrustedProxies")]
    [InlineData("Appliance:Database:Provider", "Mongo", "Appliance:Database:Provider")]
    [InlineData("Appliance:Proxy:ProxyProtocol:Mode", "Required", "Appliance:Proxy:ProxyProtocol:TrustedSources")]
    [InlineData("Appliance:Proxy:ProxyProtocol:TrustedSources:0", "the-balancer", "Appliance:Proxy:ProxyProtocol:TrustedSources")]
    [InlineData("Appliance:Proxy:ProxyProtocol:Mode", "Sometimes", "Appliance:Proxy:ProxyProtocol:Mode")]
    [InlineData("Appliance:Node:Name", "node one", "Appliance:Node:Name")]
    [InlineData("Appliance:Node:HeartbeatSeconds", "0", "Appliance:Node:HeartbeatSeconds")]
    [InlineData("Appliance:Database:Provider", "Postgres", "Appliance:Database:ConnectionString")]
    [InlineData("Appliance:Cluster:PollSeconds", "0", "Appliance:Cluster:PollSeconds is '0'; use whole seconds from 1 to 3600")]
    [InlineData("Appliance:Cluster:Notifications", "sometimes", "Appliance:Cluster:Notifications")]
    [InlineData("Appliance:History:MaxRevisions", "100001", "Appliance:History:MaxRevisions is '100001'; use a whole number of revisions from 1 to 100000")]
    public void Invalid_settings_stop_the_start_with_a_message_naming_the_key(string key, string value, string expected) =>
        Assert.Contains(expected, StartFails(key, value).Message);

    [Fact]
    public void A_short_bootstrap_token_is_refused_without_echoing_it()
    {
        var error = StartFails("Appliance:Admin:BootstrapToken", "hunter2-secret");
        Assert.Contains("at least 24 characters", error.Message);
        Assert.DoesNotContain("hunter2-secret", error.Message);
    }

    private static InvalidOperationException StartFails(string key, string value)
    {
        var directory = Path.Combine(Path.GetTempPath(), "appliance-tests", Guid.NewGuid().ToString("N"));
        try
        {
            return Assert.Throws<InvalidOperationException>(() => ApplianceApplication.Create([], builder =>
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Appliance:DataDirectory"] = directory,
                    [key] = value,
                })));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
