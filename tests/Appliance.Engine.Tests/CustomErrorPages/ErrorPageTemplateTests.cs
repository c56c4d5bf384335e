using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.CustomErrorPages;
using Appliance.Engine.Tests.Configuration;

namespace Appliance.Engine.Tests.CustomErrorPages;

public sealed class ErrorPageTemplateTests
{
    [Fact]
    public void Placeholders_are_filled_HTML_escaped_and_other_braces_stay_text()
    {
        var page = ErrorPageTemplate.Parse("p", "<title>{status} {reason}</title><style>p { margin: 0 }</style><p>{request_id}{unknown}</p>");

        var html = page.Render(503, "<Unavailable & \"down\">", "id'<script>");

        Assert.Equal("<title>503 &lt;Unavailable &amp; &quot;down&quot;&gt;</title><style>p { margin: 0 }</style><p>id&#39;&lt;script&gt;{unknown}</p>", html);
    }

    [Fact]
    public void A_page_without_placeholders_is_itself()
    {
        Assert.Equal("<p>{ plain }</p>", ErrorPageTemplate.Parse("p", "<p>{ plain }</p>").Render(404, "Not Found", "x"));
        Assert.Equal("", ErrorPageTemplate.Parse("p", "").Render(404, "Not Found", "x"));
    }

    [Fact]
    public void A_routes_page_wins_over_the_global_one_and_unmatched_requests_get_the_global_ones()
    {
        var document = new ConfigDocument
        {
            Pools = [new PoolSpec { Name = "web", Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }],
            Routes =
            [
                new RouteSpec { Name = "shop", Path = "/shop", Targets = [new TargetSpec { Pool = "web", Weight = 1 }] },
                new RouteSpec { Name = "blog", Path = "/blog", Targets = [new TargetSpec { Pool = "web", Weight = 1 }] },
            ],
            ErrorPages =
            [
                new ErrorPageSpec { Name = "global-503", Status = 503, Html = "global" },
                new ErrorPageSpec { Name = "global-404", Status = 404, Html = "missing" },
                new ErrorPageSpec { Name = "shop-503", Status = 503, Route = "shop", Html = "shop" },
                new ErrorPageSpec { Name = "shop-502", Status = 502, Route = "shop", Html = "shop bad gateway" },
            ],
        };

        var snapshot = TestSnapshots.Builder().Build(document, revision: 7);

        Assert.Equal("shop-503", Page(snapshot.Plans["shop"], 503));
        Assert.Equal("shop-502", Page(snapshot.Plans["shop"], 502));
        Assert.Equal("global-503", Page(snapshot.Plans["blog"], 503));
        Assert.Null(Page(snapshot.Plans["blog"], 502));
        Assert.Equal("global-404", Page(snapshot.Unmatched, 404));
        Assert.Equal("global-503", Page(snapshot.Unmatched, 503));
        Assert.Equal(7, snapshot.Unmatched.Revision);
        Assert.Null(ProxySnapshot.Empty.Unmatched.Find<ErrorPageSet>());
    }

    private static string? Page(RoutePlan plan, int status) => plan.Get<ErrorPageSet>().For(status)?.Name;
}
