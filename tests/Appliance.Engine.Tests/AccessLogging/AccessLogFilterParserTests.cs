using Appliance.Engine.AccessLogging.Viewer;

namespace Appliance.Engine.Tests.AccessLogging;

public sealed class AccessLogFilterParserTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("404", 404, true)]
    [InlineData("404", 403, false)]
    [InlineData(" 200 ", 200, true)]
    [InlineData("5xx", 500, true)]
    [InlineData("5xx", 599, true)]
    [InlineData("5XX", 503, true)]
    [InlineData("5xx", 499, false)]
    [InlineData("1xx", 101, true)]
    [InlineData("2xx", 304, false)]
    public void A_status_is_one_code_or_a_class(string text, int status, bool matches) =>
        Assert.Equal(matches, Filter(new AccessLogFilterText(Status: text)).Matches(RecentRequestsTests.Request("x", status: status)));

    [Theory]
    [InlineData("6xx")]
    [InlineData("0xx")]
    [InlineData("40")]
    [InlineData("4040")]
    [InlineData("4x4")]
    [InlineData("x04")]
    [InlineData("099")]
    [InlineData("600")]
    [InlineData("abc")]
    [InlineData("5xy")]
    [InlineData("-404")]
    public void An_unknown_status_pattern_is_refused_by_name(string text) =>
        AssertRefused(new AccessLogFilterText(Status: text), AccessLogFields.Status, text);

    [Theory]
    [InlineData("127.0.0.2", "127.0.0.2", true)]
    [InlineData("127.0.0.2", "127.0.0.3", false)]
    [InlineData("10.0.0.0/8", "10.200.1.1", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]

    // Read as access lists read it: the host bits of a range are dropped.
    [InlineData("10.9.9.9/8", "10.1.1.1", true)]
    [InlineData("::ffff:10.1.2.3", "10.1.2.3", true)]
    [InlineData("10.0.0.0/8", "::ffff:10.1.2.3", true)]
    [InlineData("2001:db8::/32", "2001:db8:1::7", true)]
    [InlineData("2001:db8::/32", "10.0.0.1", false)]
    public void A_client_is_an_address_or_a_cidr_range(string text, string client, bool matches) =>
        Assert.Equal(matches, Filter(new AccessLogFilterText(Client: text)).Matches(RecentRequestsTests.Request("x", client: client)));

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("::1/129")]
    [InlineData("300.0.0.1")]
    [InlineData("nope")]
    [InlineData("10.0.0.0/")]
    public void An_unparsable_client_is_refused_by_name(string text) =>
        AssertRefused(new AccessLogFilterText(Client: text), AccessLogFields.Client, text);

    [Theory]
    [InlineData("/api*", "/api/users", true)]
    [InlineData("/api*", "/API/users", true)]
    [InlineData("/api*", "/v2/api/users", false)]
    [InlineData("/api/*", "/api", false)]
    [InlineData("users", "/api/users/7", true)]
    [InlineData("/users", "/api/users/7", true)]
    [InlineData("users", "/api/items", false)]
    [InlineData("*", "/anything", true)]
    [InlineData("a%2Fb", "/files/a%2Fb", true)]
    public void A_path_is_a_prefix_with_a_trailing_star_and_a_substring_without(string text, string path, bool matches) =>
        Assert.Equal(matches, Filter(new AccessLogFilterText(Path: text)).Matches(RecentRequestsTests.Request("x", path: path)));

    [Fact]
    public void A_method_ignores_case_and_must_be_a_token()
    {
        Assert.True(Filter(new AccessLogFilterText(Method: "post")).Matches(RecentRequestsTests.Request("x", method: "POST")));
        Assert.False(Filter(new AccessLogFilterText(Method: "GET")).Matches(RecentRequestsTests.Request("x", method: "POST")));
        AssertRefused(new AccessLogFilterText(Method: "G ET"), AccessLogFields.Method, "G ET");
        AssertRefused(new AccessLogFilterText(Method: "GE\tT"), AccessLogFields.Method, "GE\tT");
    }

    [Fact]
    public void A_route_is_its_exact_name_and_a_request_without_one_never_matches()
    {
        var filter = Filter(new AccessLogFilterText(Route: "web"));

        Assert.True(filter.Matches(RecentRequestsTests.Request("x", route: "web")));
        Assert.False(filter.Matches(RecentRequestsTests.Request("x", route: "Web")));
        Assert.False(filter.Matches(RecentRequestsTests.Request("x", route: null)));
    }

    [Fact]
    public void Times_are_iso_8601_or_how_long_ago_and_bound_both_ends()
    {
        var filter = Filter(new AccessLogFilterText(Since: "15m", Until: "2025-06-01T11:55:00Z"));

        Assert.Equal(Now.AddMinutes(-15), filter.Since);
        Assert.True(filter.Matches(RecentRequestsTests.Request("x", time: Now.AddMinutes(-10))));
        Assert.False(filter.Matches(RecentRequestsTests.Request("x", time: Now.AddMinutes(-4))));
        Assert.False(filter.Matches(RecentRequestsTests.Request("x", time: Now.AddMinutes(-16))));
        Assert.Equal(Now.AddHours(-2), Filter(new AccessLogFilterText(Since: "2h")).Since);
        Assert.Equal(Now.AddSeconds(-90), Filter(new AccessLogFilterText(Since: "90s")).Since);
        Assert.Equal(Now.AddDays(-1), Filter(new AccessLogFilterText(Since: "1D")).Since);

        // Without an offset a time is UTC, whatever the machine's zone.
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero), Filter(new AccessLogFilterText(Until: "2025-06-01T10:00:00")).Until);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero), Filter(new AccessLogFilterText(Until: "2025-06-01T10:00:00+02:00")).Until);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("15")]
    [InlineData("15w")]
    [InlineData("-5m")]
    [InlineData("999999999d")]
    [InlineData("2025-13-01T00:00:00Z")]
    public void An_unreadable_time_is_refused_by_name(string text)
    {
        AssertRefused(new AccessLogFilterText(Since: text), AccessLogFields.Since, text);
        AssertRefused(new AccessLogFilterText(Until: text), AccessLogFields.Until, text);
    }

    [Fact]
    public void Since_after_until_is_refused_on_since()
    {
        var result = AccessLogFilterParser.Parse(new AccessLogFilterText(Since: "2025-06-01T11:00:00Z", Until: "2025-06-01T10:00:00Z"), Now);

        Assert.Null(result.Filter);
        Assert.Contains("is after until", Assert.Single(result.Errors[AccessLogFields.Since]), StringComparison.Ordinal);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Every_field_that_cannot_be_read_is_named_at_once()
    {
        var result = AccessLogFilterParser.Parse(new AccessLogFilterText(Status: "7xx", Client: "x", Method: "a b", Since: "soon", Path: new string('a', 3000)), Now);

        Assert.Null(result.Filter);
        Assert.Equal(
            new[] { AccessLogFields.Client, AccessLogFields.Method, AccessLogFields.Path, AccessLogFields.Since, AccessLogFields.Status },
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Blank_fields_let_everything_through()
    {
        var filter = Filter(new AccessLogFilterText(Status: "", Route: " ", Client: null, Path: "", Method: " ", Since: "", Until: null));

        Assert.Equal(AccessLogFilter.All, filter);
        Assert.True(filter.Matches(RecentRequestsTests.Request("x", status: 599, route: null)));
    }

    [Fact]
    public void Every_filter_set_must_hold()
    {
        var filter = Filter(new AccessLogFilterText(Status: "4xx", Route: "web", Client: "127.0.0.0/8", Path: "/a*", Method: "GET"));

        Assert.True(filter.Matches(RecentRequestsTests.Request("x", status: 404, path: "/a/b")));
        Assert.False(filter.Matches(RecentRequestsTests.Request("x", status: 404, path: "/b")));
        Assert.False(filter.Matches(RecentRequestsTests.Request("x", status: 404, path: "/a", client: "10.0.0.1")));
        Assert.False(filter.Matches(RecentRequestsTests.Request("x", status: 500, path: "/a")));
        Assert.False(filter.Matches(RecentRequestsTests.Request("x", status: 404, path: "/a", method: "PUT")));
    }

    private static AccessLogFilter Filter(AccessLogFilterText text)
    {
        var result = AccessLogFilterParser.Parse(text, Now);
        Assert.Empty(result.Errors);
        return result.Filter!;
    }

    private static void AssertRefused(AccessLogFilterText text, string field, string quoted)
    {
        var result = AccessLogFilterParser.Parse(text, Now);

        Assert.Null(result.Filter);
        var message = Assert.Single(Assert.Contains(field, result.Errors));
        Assert.Contains(quoted.Trim(), message, StringComparison.Ordinal);
    }
}
