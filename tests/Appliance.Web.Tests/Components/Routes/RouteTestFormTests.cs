using Appliance.Engine.Routing.Testing;
using Appliance.Web.Components.Pages.Routes;
using Appliance.Web.Tests.Routing;
using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>The route tester's form over a running appliance's real tester: fields in, answer or field messages out.</summary>
public sealed class RouteTestFormTests : BunitContext, IClassFixture<RouteTesterHost>, IAsyncLifetime
{
    public RouteTestFormTests(RouteTesterHost host)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(host.App.Services.GetRequiredService<RouteTester>());
    }

    [Fact]
    public void The_answer_names_the_route_the_rewritten_path_and_why_the_others_were_passed_over()
    {
        Render<MudPopoverProvider>();
        var form = Render<RouteTestForm>();

        form.Find("#test-url").Change("http://site.test/same/x");
        form.Find("#test-headers").Change("X-Canary: on");
        form.Find("#test-client-ip").Change("198.51.100.7");
        form.Find("[data-testid=run-route-test]").Click();

        form.WaitForAssertion(() => Assert.Equal("z-same", form.Find("[data-testid=route-test-route]").TextContent));
        Assert.Contains("Forwarded", form.Find("[data-testid=route-test-outcome]").TextContent, StringComparison.Ordinal);
        Assert.Contains("'z-same' is tried first", form.Find("[data-candidate=a-same]").TextContent, StringComparison.Ordinal);

        form.Find("#test-url").Change("http://site.test//api/./users?id=1");
        form.Find("#test-headers").Change("");
        form.Find("[data-testid=run-route-test]").Click();
        form.WaitForAssertion(() => Assert.Equal("/v2/users?id=1", form.Find("[data-testid=route-test-forward]").TextContent));
    }

    [Fact]
    public void Bad_fields_get_their_messages_and_no_answer()
    {
        Render<MudPopoverProvider>();
        var form = Render<RouteTestForm>();

        form.Find("#test-url").Change("site.test/x");
        form.Find("#test-client-ip").Change("not an address");
        form.Find("#test-headers").Change("just a line");
        form.Find("[data-testid=run-route-test]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("absolute http:// or https:// URL", form.Markup, StringComparison.Ordinal);
            Assert.Contains("IPv4 or IPv6 address", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Line 1 is not 'Name: value'.", form.Markup, StringComparison.Ordinal);
        });
        Assert.Empty(form.FindAll("[data-testid=route-test-result]"));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
