using System.Net;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// <c>Appliance:Proxy:PathParameters=Reject</c>, for backends where <c>;</c> in a path is data: a
/// raw semicolon in the path is refused rather than cut off, an encoded one passes as sent.
/// </summary>
public sealed class PathParameterRejectTests(PathParameterRejectTests.RejectingHost host) : IClassFixture<PathParameterRejectTests.RejectingHost>
{
    [Theory]
    [InlineData("/files/report;v2.pdf")]
    [InlineData("/files;x/report")]
    [InlineData("/admin;jsessionid=0123")]
    public async Task A_raw_semicolon_in_the_path_is_refused_with_400(string target)
    {
        var before = host.Backend.Requests;
        var (status, _) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test");

        Assert.Equal(400, status);
        Assert.Equal(before, host.Backend.Requests);
    }

    [Theory]
    [InlineData("/files/report%3Bv2.pdf", "/files/report%3Bv2.pdf")]
    [InlineData("/files/report?v=1;2", "/files/report?v=1;2")]
    public async Task An_encoded_semicolon_or_one_in_the_query_reaches_the_backend_as_sent(string target, string expected)
    {
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test");

        Assert.True(status == 200, response);
        Assert.Equal(expected, host.Backend.ReceivedTargets.Last());
    }

    public sealed class RejectingHost : ApplianceHost
    {
        public TestBackend Backend { get; private set; } = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:Proxy:PathParameters"] = "Reject" };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Backend = await TestBackend.StartAsync("semicolons");
            await AddPoolAsync(new { name = "semicolons", backends = new[] { new { address = Backend.Address } } });
            await AddRouteAsync(new { name = "site", path = "/", targets = new[] { new { pool = "semicolons", weight = 1 } } });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Backend.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
