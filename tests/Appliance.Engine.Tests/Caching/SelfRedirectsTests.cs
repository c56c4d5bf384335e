using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class SelfRedirectsTests
{
    // Each row: the response's status and Location, the entry's key and whether its rule keys on the query; then whether
    // following the redirect would come back to that very entry.
    [Theory]
    [InlineData("the same absolute URL", 301, "http://example.test/a", "http://example.test/a", true, true)]
    [InlineData("9110 §10.2.2: a relative reference resolved against the request's URL", 302, "/a", "http://example.test/a", true, true)]
    [InlineData("a scheme-relative reference", 307, "//example.test/a", "http://example.test/a", true, true)]
    [InlineData("host case and the default port do not make another URL", 308, "http://EXAMPLE.test:80/a", "http://example.test/a", true, true)]
    [InlineData("the same URL with the same query", 301, "/a?x=1", "http://example.test/a?x=1", true, true)]
    [InlineData("another query under a rule that keys on it", 301, "/a?x=2", "http://example.test/a?x=1", true, false)]
    [InlineData("another query under a rule that ignores it comes back to the same entry", 301, "/a?x=2", "http://example.test/a", false, true)]
    [InlineData("plain HTTP sent to HTTPS is a real move", 301, "https://example.test/a", "http://example.test/a", true, false)]
    [InlineData("another path", 301, "/b", "http://example.test/a", true, false)]
    [InlineData("paths are case-sensitive", 301, "/A", "http://example.test/a", true, false)]
    [InlineData("another port", 301, "http://example.test:8080/a", "http://example.test/a", true, false)]
    [InlineData("a Location on a 200 is no redirect", 200, "/a", "http://example.test/a", true, false)]
    [InlineData("a 304 is no redirect", 304, "/a", "http://example.test/a", true, false)]
    [InlineData("no Location", 301, "", "http://example.test/a", true, false)]
    public void A_redirect_leads_back_only_when_following_it_reaches_the_same_entry(string clause, int status, string location, string key, bool includeQuery, bool leadsBack)
    {
        _ = clause;
        Assert.Equal(leadsBack, SelfRedirects.LeadsBack(status, location, key, includeQuery));
    }
}
