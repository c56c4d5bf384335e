using Appliance.Data.Model;
using Appliance.Engine.HeaderRules;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Tests.HeaderRules;

public sealed class HeaderRuleSetTests
{
    private static readonly HeaderPlaceholderValues Values = new("203.0.113.7", "abc123", "shop.example:8080");

    [Theory]
    [InlineData("prod", "prod")]
    [InlineData("{client_ip}", "203.0.113.7")]
    [InlineData("{request_id}", "abc123")]
    [InlineData("{host}", "shop.example:8080")]
    [InlineData("ip={client_ip}; id={request_id}; {host}!", "ip=203.0.113.7; id=abc123; shop.example:8080!")]
    [InlineData("{{request_id}}", "{abc123}")]
    [InlineData("{host", "{host")]
    public void A_value_is_filled_from_the_request(string template, string expected) =>
        Assert.Equal(expected, HeaderValueTemplate.Parse(template).Render(Values));

    [Fact]
    public void A_value_without_placeholders_needs_no_request()
    {
        Assert.False(HeaderValueTemplate.Parse("static").HasPlaceholders);
        Assert.True(HeaderValueTemplate.Parse("x-{host}").HasPlaceholders);
        Assert.False(HeaderRuleSet.From(new HeaderRulesSpec { Set = new Dictionary<string, string> { ["A"] = "1" } }).UsesPlaceholders);
        Assert.True(HeaderRuleSet.From(new HeaderRulesSpec()).IsEmpty);
    }

    [Fact]
    public void Response_rules_replace_and_remove_ignoring_the_case_of_names()
    {
        var headers = new HeaderDictionary { ["X-Env"] = "dev", ["x-debug"] = "1", ["Keep"] = "1" };
        var rules = HeaderRuleSet.From(new HeaderRulesSpec { Set = new Dictionary<string, string> { ["x-env"] = "prod", ["X-Req"] = "{request_id}" }, Remove = ["X-Debug"] });

        rules.ApplyTo(headers, Values);

        Assert.Equal("prod", headers["X-Env"]);
        Assert.Equal("abc123", headers["X-Req"]);
        Assert.False(headers.ContainsKey("X-Debug"));
        Assert.Equal("1", headers["Keep"]);
    }

    [Fact]
    public void Request_rules_put_content_headers_on_the_content_and_Host_on_the_message()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://backend/") { Content = new StringContent("x") };
        request.Headers.TryAddWithoutValidation("X-Env", "dev");
        request.Headers.TryAddWithoutValidation("X-Debug", "1");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer x");
        request.Content.Headers.TryAddWithoutValidation("Content-Language", "en");
        var rules = HeaderRuleSet.From(new HeaderRulesSpec
        {
            Set = new Dictionary<string, string> { ["X-Env"] = "prod", ["Content-Type"] = "application/x-custom", ["Host"] = "{host}" },
            Remove = ["x-debug", "Authorization", "Content-Language"],
        });

        rules.ApplyTo(request, Values);

        Assert.Equal("prod", request.Headers.GetValues("X-Env").Single());
        Assert.False(request.Headers.Contains("X-Debug"));
        Assert.False(request.Headers.Contains("Authorization"));
        Assert.False(request.Content.Headers.Contains("Content-Language"));
        Assert.Equal("application/x-custom", request.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal("shop.example:8080", request.Headers.Host);
    }
}
