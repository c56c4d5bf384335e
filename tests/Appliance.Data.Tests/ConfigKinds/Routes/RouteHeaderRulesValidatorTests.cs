using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.Routes;

public sealed class RouteHeaderRulesValidatorTests
{
    private static IDictionary<string, string[]> Errors(RouteSpec route) => ValidatorRun.Errors(new RouteHeaderRulesValidator(), route);

    private static RouteSpec Request(Dictionary<string, string>? set = null, params string[] remove) =>
        new() { RequestHeaders = new HeaderRulesSpec { Set = set ?? [], Remove = remove } };

    private static RouteSpec Response(Dictionary<string, string>? set = null, params string[] remove) =>
        new() { ResponseHeaders = new HeaderRulesSpec { Set = set ?? [], Remove = remove } };

    [Fact]
    public void The_defaults_and_ordinary_rules_with_every_placeholder_are_valid()
    {
        Assert.Empty(Errors(new RouteSpec()));
        Assert.Empty(Errors(Request(new() { ["X-Env"] = "prod", ["X-Client"] = "{client_ip}", ["X-Trace"] = "id={request_id} host={host}", ["Host"] = "backend.internal:8080" }, "X-Debug", "Authorization")));
        Assert.Empty(Errors(Request(new() { ["Host"] = "{host}" })));
        Assert.Empty(Errors(Response(new() { ["X-Served-By"] = "{request_id}", ["Server"] = "edge" }, "X-Backend", "X-Powered-By")));
    }

    [Theory]
    [InlineData("Connection")]
    [InlineData("keep-alive")]
    [InlineData("Proxy-Connection")]
    [InlineData("TE")]
    [InlineData("Trailer")]
    [InlineData("Transfer-Encoding")]
    [InlineData("Upgrade")]
    [InlineData("Content-Length")]
    [InlineData("Content-Encoding")]
    [InlineData("Expect")]
    public void Framing_and_hop_by_hop_names_are_refused_on_both_sides_for_set_and_remove(string name)
    {
        Assert.Contains($"requestHeaders.set.{name}", Errors(Request(new() { [name] = "x" })).Keys);
        Assert.Contains("requestHeaders.remove[0]", Errors(Request(null, name)).Keys);
        Assert.Contains($"responseHeaders.set.{name}", Errors(Response(new() { [name] = "x" })).Keys);
        Assert.Contains("responseHeaders.remove[0]", Errors(Response(null, name)).Keys);
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1")]
    [InlineData("a\nb")]
    [InlineData("tab\there")]
    [InlineData("snow\u2603")]
    [InlineData("")]
    public void Values_with_control_or_non_ASCII_characters_and_empty_ones_are_refused(string value) =>
        Assert.Single(Errors(Request(new() { ["X-A"] = value }))["requestHeaders.set.X-A"]);

    [Theory]
    [InlineData("{user}")]
    [InlineData("{CLIENT_IP}")]
    [InlineData("{client_ip")]
    [InlineData("}")]
    public void Unknown_placeholders_and_stray_braces_are_refused(string value) =>
        Assert.Contains("{client_ip}, {request_id}, {host}", Assert.Single(Errors(Response(new() { ["X-A"] = value }))["responseHeaders.set.X-A"]), StringComparison.Ordinal);

    [Fact]
    public void A_name_set_twice_ignoring_case_or_both_set_and_removed_is_refused()
    {
        Assert.Contains("set twice", Assert.Single(Errors(Request(new() { ["X-A"] = "1", ["x-a"] = "2" }))["requestHeaders.set.x-a"]), StringComparison.Ordinal);
        Assert.Contains("both set and removed", Assert.Single(Errors(Request(new() { ["X-A"] = "1" }, "x-A"))["requestHeaders.set.X-A"]), StringComparison.Ordinal);
        Assert.Contains("already removed", Assert.Single(Errors(Response(null, "X-A", "x-a"))["responseHeaders.remove[1]"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_and_lengths_are_bounded()
    {
        var many = Enumerable.Range(0, RouteHeaderRulesValidator.MaxRules + 1).ToDictionary(i => $"X-{i}", _ => "1");
        Assert.Contains("requestHeaders", Errors(Request(many)).Keys);
        Assert.Contains("requestHeaders.set.X-Long", Errors(Request(new() { ["X-Long"] = new string('a', RouteHeaderRulesValidator.MaxValueLength + 1) })).Keys);
        Assert.Contains("requestHeaders.remove[0]", Errors(Request(null, "X-" + new string('a', RouteHeaderRulesValidator.MaxNameLength))).Keys);
    }

    [Theory]
    [InlineData("X-Forwarded-For")]
    [InlineData("X-Forwarded-Proto")]
    [InlineData("X-Forwarded-Host")]
    [InlineData("Forwarded")]
    [InlineData("X-Real-IP")]
    [InlineData("X-Request-Id")]
    public void The_appliances_own_request_headers_are_refused(string name) =>
        Assert.Contains($"requestHeaders.set.{name}", Errors(Request(new() { [name] = "1" })).Keys);

    [Theory]
    [InlineData("Set-Cookie")]
    [InlineData("Cache-Status")]
    [InlineData("Age")]
    [InlineData("X-Request-Id")]
    [InlineData("Strict-Transport-Security")]
    [InlineData("Content-Security-Policy")]
    [InlineData("WWW-Authenticate")]
    [InlineData("Retry-After")]
    public void The_appliances_own_response_headers_are_refused_for_set_and_remove(string name)
    {
        Assert.Contains($"responseHeaders.set.{name}", Errors(Response(new() { [name] = "1" })).Keys);
        Assert.Contains("responseHeaders.remove[0]", Errors(Response(null, name)).Keys);
    }

    [Fact]
    public void Host_may_be_set_to_a_host_but_never_removed()
    {
        Assert.Contains("every request names its host", Assert.Single(Errors(Request(null, "host"))["requestHeaders.remove[0]"]), StringComparison.Ordinal);
        Assert.Contains("requestHeaders.set.Host", Errors(Request(new() { ["Host"] = "a b" })).Keys);
        Assert.Contains("requestHeaders.set.Host", Errors(Request(new() { ["Host"] = "user@evil.test" })).Keys);
        Assert.Contains("requestHeaders.set.Host", Errors(Request(new() { ["Host"] = "{request_id}.test" })).Keys);
        Assert.Empty(Errors(Request(new() { ["Host"] = "[2001:db8::1]:8443" })));
        Assert.Empty(Errors(Request(new() { ["Host"] = "backend.internal:80" })));
    }

    [Fact]
    public void The_security_header_names_are_refused_only_while_the_route_sets_them()
    {
        var rules = new HeaderRulesSpec { Set = new Dictionary<string, string> { ["X-Frame-Options"] = "DENY" } };
        Assert.Contains("responseHeaders.set.X-Frame-Options", Errors(new RouteSpec { SecurityHeaders = true, ResponseHeaders = rules }).Keys);
        Assert.Empty(Errors(new RouteSpec { ResponseHeaders = rules }));
    }
}
