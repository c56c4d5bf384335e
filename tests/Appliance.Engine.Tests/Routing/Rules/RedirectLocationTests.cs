using Appliance.Engine.Routing.Rules;

namespace Appliance.Engine.Tests.Routing.Rules;

public sealed class RedirectLocationTests
{
    [Theory]
    [InlineData("https://new.example.com{path}", true, "/a", "x=1", "https://new.example.com/a?x=1")]
    [InlineData("https://new.example.com{path}?from=old", true, "/a", "x=1", "https://new.example.com/a?from=old&x=1")]
    [InlineData("https://new.example.com{path}", false, "/a", "x=1", "https://new.example.com/a")]
    [InlineData("https://new.example.com{path}", true, "/a", "", "https://new.example.com/a")]
    [InlineData("{scheme}://{host}/v2{path}?{query}", true, "/a", "x=1", "http://old.test/v2/a?x=1")]
    [InlineData("/{path}", false, "/evil.example/x", "", "/evil.example/x")]
    [InlineData("/{path}", false, "", "", "/")]
    [InlineData("/new{path}", false, "", "", "/new")]
    // One pass over the template: what is put in for a placeholder is never read as one.
    [InlineData("https://new.example.com{path}?was={query}", false, "/{query}", "a=1", "https://new.example.com/{query}?was=a=1")]
    [InlineData("{scheme}://{host}{path}", true, "/{host}/{scheme}", "{path}", "http://old.test/{host}/{scheme}?{path}")]
    [InlineData("https://x.test/{unknown}{path}{", false, "/a", "", "https://x.test/{unknown}/a{")]
    public void Placeholders_and_the_query_make_the_location(string template, bool keepQuery, string rest, string query, string expected) =>
        Assert.Equal(expected, RedirectMiddleware.Location(new RouteRedirect("/old", template, 301, keepQuery), "http", "old.test", rest, query));
}
