using System.Text.Json.Nodes;
using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Routes;
using Appliance.Web.Tests.Infrastructure;
using Appliance.Web.Tests.Tls;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.RoundTrip;

[Collection(FormRoundTrips.Name)]
public sealed class RouteFormRoundTripTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Saving_a_route_set_through_the_API_unchanged_leaves_its_GET_identical()
    {
        var name = await CreateRouteWithEveryFieldAsync(accessList: true);
        var before = await GetJsonAsync($"/api/v1/routes/{name}");

        var form = RenderEditForm(name, out var saved);
        Assert.Equal("default-src 'self'; img-src *", form.Find("#route-csp").GetAttribute("value"));
        Assert.Equal("1048577", form.Find("#route-max-body").GetAttribute("value"));
        Assert.NotNull(form.Find("[data-method='TRACE']"));
        Assert.Equal("1\na,b", form.Find("#headers-0-values").GetAttribute("value"));
        Assert.Equal("/v2", form.Find("#route-rewrite").GetAttribute("value"));
        Assert.Equal("12.34", form.Find("#route-mirror-percent").GetAttribute("value"));
        Assert.Empty(form.FindAll("#headers-1-values"));
        Assert.Equal("{client_ip}/{request_id}", form.Find("#requestHeaders-set-2-value").GetAttribute("value"));
        Assert.Equal("X-Debug\nCookie", form.Find("#requestHeaders-remove").GetAttribute("value"));
        Assert.Equal("203.0.113.0/24\n2001:db8::1", form.Find("#route-maintenance-allow").GetAttribute("value"));
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved()));
        Assert.Equal(before, await GetJsonAsync($"/api/v1/routes/{name}"));
    }

    [Fact]
    public async Task Saving_a_redirect_route_set_through_the_API_unchanged_leaves_its_GET_identical()
    {
        var name = UniqueName("moved");
        await PostAsync("/api/v1/routes", new
        {
            name,
            hosts = new[] { "old.example.test" },
            path = "/old",
            targets = Array.Empty<object>(),
            redirect = new { location = "{scheme}://{host}/new{path}?{query}", status = 308, keepQuery = false },
        });
        var before = await GetJsonAsync($"/api/v1/routes/{name}");

        var form = RenderEditForm(name, out var saved);
        Assert.Equal("{scheme}://{host}/new{path}?{query}", form.Find("#route-redirect-location").GetAttribute("value"));
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved()));
        Assert.Equal(before, await GetJsonAsync($"/api/v1/routes/{name}"));
    }

    [Fact]
    public async Task Attaching_an_access_list_in_the_form_changes_only_the_access_list()
    {
        var name = await CreateRouteWithEveryFieldAsync(accessList: false);
        var list = UniqueName("office");
        await PostAsync("/api/v1/access-lists", new { name = list, rules = new[] { new { action = "Allow", cidr = "192.0.2.0/24" } } });
        var expected = JsonNode.Parse(await GetJsonAsync($"/api/v1/routes/{name}"))!;
        expected["accessList"] = list;

        var form = RenderEditForm(name, out var saved);
        var select = form.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Access list");
        await form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(list));
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved()));
        Assert.Equal(expected.ToJsonString(), await GetJsonAsync($"/api/v1/routes/{name}"));
    }

    [Fact]
    public async Task Removing_a_host_chip_and_a_method_changes_only_hosts_and_methods()
    {
        var name = await CreateRouteWithEveryFieldAsync(accessList: true);
        var expected = JsonNode.Parse(await GetJsonAsync($"/api/v1/routes/{name}"))!;
        expected["hosts"] = new JsonArray("full.example.test");
        expected["methods"] = new JsonArray("GET");

        var form = RenderEditForm(name, out var saved);
        form.Find("[data-host='*.full.example.test'] button").Click();
        form.Find("[data-method='TRACE'] button").Click();
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved()));
        Assert.Equal(expected.ToJsonString(), await GetJsonAsync($"/api/v1/routes/{name}"));
    }

    [Fact]
    public async Task Turning_maintenance_off_in_the_form_changes_only_maintenance_enabled()
    {
        var name = await CreateRouteWithEveryFieldAsync(accessList: true);
        var expected = JsonNode.Parse(await GetJsonAsync($"/api/v1/routes/{name}"))!;
        expected["maintenance"]!["enabled"] = false;

        var form = RenderEditForm(name, out var saved);
        form.FindComponents<MudSwitch<bool>>().Single(s => s.Instance.Label == "In maintenance").Find("input").Change(false);
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved()));
        Assert.Equal(expected.ToJsonString(), await GetJsonAsync($"/api/v1/routes/{name}"));
    }

    [Fact]
    public async Task Changing_one_header_value_changes_only_that_value()
    {
        var name = await CreateRouteWithEveryFieldAsync(accessList: true);
        var expected = JsonNode.Parse(await GetJsonAsync($"/api/v1/routes/{name}"))!;
        expected["responseHeaders"]!["set"]!["X-Served-By"] = "edge {request_id}";

        var form = RenderEditForm(name, out var saved);
        form.Find("#responseHeaders-set-0-value").Change("edge {request_id}");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved()));
        Assert.Equal(expected.ToJsonString(), await GetJsonAsync($"/api/v1/routes/{name}"));
    }

    private IRenderedComponent<RouteForm> RenderEditForm(string name, out Func<RouteSpec?> saved)
    {
        // The routes page hands the form the route as the store lists it.
        var route = Store.Routes.ListAsync().GetAwaiter().GetResult().Single(r => r.Name == name);
        RouteSpec? result = null;
        saved = () => result;
        return Render<RouteForm>(p => p.Add(f => f.Route, route).Add(f => f.Saved, (RouteSpec r) => result = r));
    }

    // Every member of RouteSpec away from its default, so that any field a form drops shows up.
    private async Task<string> CreateRouteWithEveryFieldAsync(bool accessList)
    {
        var name = UniqueName("full");
        var (stable, canary, list, limit, certificate) = (UniqueName("stable"), UniqueName("canary"), UniqueName("list"), UniqueName("limit"), UniqueName("cert"));
        var shadow = UniqueName("shadow");
        await PostAsync("/api/v1/pools", new { name = stable, backends = new[] { new { address = "http://127.0.0.1:9001" } } });
        await PostAsync("/api/v1/pools", new { name = canary, backends = new[] { new { address = "http://127.0.0.1:9002" } } });
        await PostAsync("/api/v1/pools", new { name = shadow, backends = new[] { new { address = "http://127.0.0.1:9003" } } });
        await PostAsync("/api/v1/access-lists", new { name = list, defaultAction = "Deny", rules = new[] { new { action = "Allow", cidr = "203.0.113.0/24" } } });
        await PostAsync("/api/v1/rate-limits", new { name = limit, permits = 5, periodSeconds = 60, burst = 5 });
        var (chain, key) = TestCertificates.Issue(["full.example.test"]);
        await PostAsync("/api/v1/certificates", new { name = certificate, pem = chain, key });
        await PostAsync("/api/v1/routes", new
        {
            name,
            hosts = new[] { "full.example.test", "*.full.example.test" },
            path = "/api",
            methods = new[] { "GET", "TRACE" },
            order = 7,
            targets = new[] { new { pool = stable, weight = 90 }, new { pool = canary, weight = 10 } },
            sticky = true,
            tls = certificate,
            httpsRedirect = true,
            hstsMaxAgeSeconds = 31536000,
            compression = false,
            accessList = accessList ? list : null,
            rateLimit = limit,
            securityHeaders = true,
            contentSecurityPolicy = "default-src 'self'; img-src *",
            maxRequestBodyBytes = 1048577L,
            headers = new[] { new { name = "X-Beta", values = new[] { "1", "a,b" }, mode = "Prefix" }, new { name = "X-Off", values = Array.Empty<string>(), mode = "NotExists" } },
            query = new[] { new { name = "variant", values = new[] { "b" }, mode = "NotContains" } },
            cookies = new[] { new { name = "Beta", values = Array.Empty<string>(), mode = "Exists" } },
            rewritePath = "/v2",
            mirror = new { pool = shadow, percent = 12.34m },
            requestHeaders = new
            {
                set = new Dictionary<string, string> { ["X-Env"] = "prod", ["Host"] = "{host}", ["X-Trace"] = "{client_ip}/{request_id}" },
                remove = new[] { "X-Debug", "Cookie" },
            },
            responseHeaders = new { set = new Dictionary<string, string> { ["X-Served-By"] = "{request_id}" }, remove = new[] { "X-Backend" } },
            maintenance = new { enabled = true, retryAfterSeconds = 900, allow = new[] { "203.0.113.0/24", "2001:db8::1" } },
        });
        return name;
    }
}
