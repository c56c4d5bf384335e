using Appliance.Data.Model;
using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheStoragePolicyTests
{
    private const string TenSecondsAgo = "Mon, 01 Jan 2024 11:59:50 GMT";

    // Each row: the response's fields, whether the rule gives a default TTL (60 s); then what the entry says, just stored.
    [Theory]
    [InlineData("9111 §4.2.1: max-age sets the lifetime", "Cache-Control: max-age=30", false, "lifetime=30 age=0 shared=False must-revalidate=False")]
    [InlineData("appliance: the default TTL stands in when the origin gives no lifetime", "", true, "lifetime=60 age=0 shared=False must-revalidate=False")]
    [InlineData("9111 §4.2.1: the origin's lifetime wins over the default TTL", "Cache-Control: max-age=5", true, "lifetime=5 age=0 shared=False must-revalidate=False")]
    [InlineData("9111 §5.2.2.4: a no-cache response is stale at once", "Cache-Control: no-cache, max-age=60", false, "lifetime=0 age=0 shared=False must-revalidate=False")]
    [InlineData("9111 §4.2.3: the Age it came with counts", "Cache-Control: max-age=600 | Age: 100", false, "lifetime=600 age=100 shared=False must-revalidate=False")]
    [InlineData("9111 §4.2.3: its Date gives an apparent age", "Cache-Control: max-age=60 | Date: " + TenSecondsAgo, false, "lifetime=60 age=10 shared=False must-revalidate=False")]
    [InlineData("9111 §3.5: public lets it answer requests with Authorization", "Cache-Control: public, max-age=60", false, "lifetime=60 age=0 shared=True must-revalidate=False")]
    [InlineData("9111 §5.2.2.2: must-revalidate is kept with the entry", "Cache-Control: max-age=60, must-revalidate", false, "lifetime=60 age=0 shared=True must-revalidate=True")]
    [InlineData("9111 §5.2.2.8: proxy-revalidate is kept with the entry, without sharing it with Authorization", "Cache-Control: max-age=60, proxy-revalidate", false, "lifetime=60 age=0 shared=False must-revalidate=True")]
    [InlineData("9111 §5.2.2.10: s-maxage implies proxy-revalidate", "Cache-Control: s-maxage=60", false, "lifetime=60 age=0 shared=True must-revalidate=True")]
    [InlineData("9110 §6.6.1 (MAY): an invalid Date is replaced by the time of receipt", "Cache-Control: max-age=60 | Date: yesterday", false, "lifetime=60 age=0 shared=False must-revalidate=False")]
    [InlineData("9111 §4.2: a lower-case Date is read case-insensitively", "Cache-Control: max-age=60 | Date: mon, 01 jan 2024 11:59:50 gmt", false, "lifetime=60 age=10 shared=False must-revalidate=False")]
    [InlineData("9111 §4.2.1: an invalid Date leaves Expires measured from the time of receipt", "Expires: Mon, 01 Jan 2024 12:01:00 GMT | Date: 0", false, "lifetime=60 age=0 shared=False must-revalidate=False")]
    public void A_storable_response_makes_an_entry_that_knows_its_lifetime_age_and_sharing(string clause, string responseHeaders, bool defaultTtl, string entry)
    {
        _ = clause;
        var rule = new CacheRulePlan(new CacheRuleSpec
        {
            Name = "r", Mode = defaultTtl ? CacheModes.DefaultTtl : CacheModes.FollowOrigin, DefaultTtlSeconds = 60,
        });

        var stored = CacheStoragePolicy.CreateEntry(
            200, HeaderLines.Parse(responseHeaders), HeaderLines.Parse(""), rule, CacheDirectives.Parse(""), "http://example.test/a", [],
            StoredEntries.Now, StoredEntries.Now, hasAuthorization: false, out var refusal);

        Assert.Null(refusal);
        Assert.Equal(entry, $"lifetime={stored!.FreshnessLifetime.TotalSeconds} age={stored.CurrentAge(StoredEntries.Now).TotalSeconds} shared={stored.SharedWithAuthorization} must-revalidate={stored.MustRevalidate}");
    }

    [Fact]
    public void The_entry_keeps_the_stored_fields_its_validators_and_its_variant()
    {
        var rule = new CacheRulePlan(new CacheRuleSpec { Name = "r" });
        var response = HeaderLines.Parse("Cache-Control: max-age=60 | ETag: \"v1\" | Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT | Vary: Accept-Language | Connection: close | Content-Type: text/css");

        var stored = CacheStoragePolicy.CreateEntry(
            200, response, HeaderLines.Parse("Accept-Language: en"), rule, CacheDirectives.Parse(""), "k", [1, 2, 3],
            StoredEntries.Now, StoredEntries.Now, hasAuthorization: false, out _);

        Assert.NotNull(stored);
        Assert.Equal("\"v1\"", stored.ETag);
        Assert.Equal(new DateTimeOffset(1994, 11, 6, 8, 49, 37, TimeSpan.Zero), stored.LastModified);
        Assert.Equal(["accept-language"], stored.VaryHeaders);
        Assert.True(CacheVariants.Matches(stored, HeaderLines.Parse("Accept-Language: en")));
        Assert.Equal("text/css", stored.Header("content-type"));
        Assert.Null(stored.Header("Connection"));
    }

    [Fact]
    public void A_redirect_to_its_own_URL_makes_no_entry_however_long_the_origin_says_to_keep_it()
    {
        var rule = new CacheRulePlan(new CacheRuleSpec { Name = "r" });

        var stored = CacheStoragePolicy.CreateEntry(
            301, HeaderLines.Parse("Cache-Control: max-age=600 | Location: /a"), HeaderLines.Parse(""), rule, CacheDirectives.Parse(""), "https://example.test/a", [],
            StoredEntries.Now, StoredEntries.Now, hasAuthorization: false, out var refusal);

        Assert.Null(stored);
        Assert.Equal("self-redirect", refusal);
    }
}
