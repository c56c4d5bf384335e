using Appliance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Web.Tests.Caching;

/// <summary>Cache rules and keys decide on the canonical path: odd spellings share one entry, and different resources never do.</summary>
public sealed class CachePathFormTests(CacheSafetyHost host) : IClassFixture<CacheSafetyHost>
{
    [Fact]
    public async Task Odd_spellings_of_one_stylesheet_are_one_cache_entry()
    {
        host.Origin.On("/forms/site.css", "body { }", ("Cache-Control", "public, max-age=60"), ("Content-Type", "text/css"));

        var first = await GetRawAsync("//forms/./site.css");
        var spellings = new[] { "/forms/site.css", "/forms/site.css;v=1", "/x/../forms//site.css", "/forms/%73ite.css" };
        var later = await Task.WhenAll(spellings.Select(GetRawAsync));

        Assert.Contains("Cache-Status: Appliance; fwd=uri-miss; stored", first, StringComparison.Ordinal);
        Assert.All(later, response => Assert.Contains("Cache-Status: Appliance; hit", response, StringComparison.Ordinal));
        Assert.Equal(1, host.Origin.Count("/forms/site.css"));
    }

    [Fact]
    public async Task An_encoded_slash_and_an_encoded_percent_sign_are_different_entries()
    {
        // Kestrel decodes both targets to the same Request.Path; the origin tells them apart by its raw target.
        host.Origin.On("/forms/a%2Fb.css", async context =>
        {
            context.Response.Headers.CacheControl = "public, max-age=60";
            context.Response.ContentType = "text/css";
            await context.Response.WriteAsync(context.Features.Get<IHttpRequestFeature>()!.RawTarget);
        });

        var slash = await GetRawAsync("/forms/a%2Fb.css");
        var percent = await GetRawAsync("/forms/a%252Fb.css");

        Assert.EndsWith("/forms/a%2Fb.css", slash, StringComparison.Ordinal);
        Assert.EndsWith("/forms/a%252Fb.css", percent, StringComparison.Ordinal);
        Assert.Contains("Cache-Status: Appliance; fwd=uri-miss; stored", percent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_that_climbs_out_of_a_rule_s_folder_is_decided_where_it_lands()
    {
        // Under **/*.css: a page that climbs to a .css name is that name; one that climbs to a page is not cached.
        host.Origin.On("/account/profile", "<html>alice</html>", ("Cache-Control", "public, max-age=60"), ("Content-Type", "text/html"));

        var response = await GetRawAsync("/static/x.css/../../account/profile");

        Assert.DoesNotContain("stored", response, StringComparison.Ordinal);
        Assert.Equal(1, host.Origin.Count("/account/profile"));
    }

    private async Task<string> GetRawAsync(string target) =>
        (await RawHttp.SendAsync(host.ProxyAddress, "GET", target, CacheSafetyHost.Site)).Response;
}
