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
    public void Placeholders_and_the_query_make_the_location(string template, bool keepQuery, string rest, string query, string expected) =>
        Assert.Equal(expected, RedirectMiddleware.Location(new RouteRedirect("/old", template, 301, keepQuery), "http", "old.test", rest, query));
}
