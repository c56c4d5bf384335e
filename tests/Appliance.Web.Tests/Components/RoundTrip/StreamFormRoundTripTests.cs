using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Streams;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.RoundTrip;

[Collection(FormRoundTrips.Name)]
public sealed class StreamFormRoundTripTests(ApplianceHost host) : HostedFormContext(host)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Saving_a_stream_set_through_the_API_unchanged_leaves_its_GET_identical(bool passthrough)
    {
        // Every member away from its default, so that any field a form drops shows up.
        var pool = UniqueName("db");
        var list = UniqueName("office");
        var name = UniqueName("pg");
        await PostAsync("/api/v1/pools", new { name = pool, backends = new[] { new { address = "http://127.0.0.1:5432" } } });
        await PostAsync("/api/v1/access-lists", new { name = list, rules = new[] { new { action = "Allow", cidr = "192.0.2.0/24" } } });
        await PostAsync("/api/v1/streams", new
        {
            name,
            listenPort = passthrough ? (int?)null : Ports.Unused(),
            sniHosts = passthrough ? new[] { $"{name}.example.com", $"*.{name}.example.com" } : [],
            pool,
            proxyProtocol = true,
            accessList = list,
            maxConnections = 7,
            idleTimeoutSeconds = 42,
            connectTimeoutSeconds = 3,
        });
        var before = await GetJsonAsync($"/api/v1/streams/{name}");
        var stream = (await Store.Streams.ListAsync()).Single(s => s.Name == name);
        StreamSpec? saved = null;

        var form = Render<StreamForm>(p => p.Add(f => f.Stream, stream).Add(f => f.Pools, [pool]).Add(f => f.AccessLists, [list]).Add(f => f.Saved, (StreamSpec s) => saved = s));
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(before, await GetJsonAsync($"/api/v1/streams/{name}"));
    }
}
