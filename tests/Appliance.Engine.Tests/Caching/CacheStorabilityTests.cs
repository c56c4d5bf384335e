using Appliance.Data.Model;
using Appliance.Engine.Caching;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheStorabilityTests
{
    private const string Fresh = "Cache-Control: max-age=60";

    // Each row: status, response fields, request fields, the rule's match and whether it has a default TTL, the body's
    // length; then the Cache-Status detail the refusal gives, or null when the response is stored.
    [Theory]
    [InlineData("9111 §3: a 200 with max-age is stored", 200, Fresh, "", "/", false, 10, null)]
    [InlineData("9111 §5.2.1.5: the request's no-store keeps the answer out", 200, Fresh, "Cache-Control: no-store", "/", false, 10, "request-no-store")]
    [InlineData("9111 §5.2.2.5: no-store keeps it out", 200, "Cache-Control: no-store, max-age=60", "", "/", false, 10, "no-store")]
    [InlineData("9111 §5.2.2.7: private is not for a shared cache", 200, "Cache-Control: private, max-age=60", "", "/", false, 10, "private")]
    [InlineData("9111 §3.3: a part (206) is not stored here", 206, Fresh, "", "/", false, 10, "partial-content")]
    [InlineData("9111 §3.3: Content-Range marks a part whatever the status", 200, Fresh + " | Content-Range: bytes 0-9/20", "", "/", false, 10, "partial-content")]
    [InlineData("appliance: a body over the rule's limit is too large", 200, Fresh, "", "/", false, 2000, "too-large")]
    [InlineData("appliance: a declared length over the limit decides before the body", 200, Fresh + " | Content-Length: 2000", "", "/", false, 0, "too-large")]
    [InlineData("9111 §4.1: Vary: * never matches a later request", 200, Fresh + " | Vary: Accept, *", "", "/", false, 10, "vary-star")]
    [InlineData("appliance: Set-Cookie is one client's, so such an answer is not stored", 200, Fresh + " | Set-Cookie: a=1", "", "/", false, 10, "set-cookie")]
    [InlineData("appliance: public lets the rest of an answer with Set-Cookie be stored", 200, "Cache-Control: public, max-age=60 | Set-Cookie: a=1", "", "/", false, 10, null)]
    [InlineData("9111 §3.5: an answer to Authorization is not shared by default", 200, Fresh, "Authorization: Bearer x", "/", false, 10, "request-authorization")]
    [InlineData("9111 §3.5: public shares an answer to Authorization", 200, "Cache-Control: public, max-age=60", "Authorization: Bearer x", "/", false, 10, null)]
    [InlineData("9111 §3.5: s-maxage shares an answer to Authorization", 200, "Cache-Control: s-maxage=60", "Authorization: Bearer x", "/", false, 10, null)]
    [InlineData("9111 §3.5: must-revalidate shares an answer to Authorization", 200, "Cache-Control: max-age=60, must-revalidate", "Authorization: Bearer x", "/", false, 10, null)]
    [InlineData("9111 §3.5: proxy-revalidate does not share an answer to Authorization", 200, "Cache-Control: max-age=60, proxy-revalidate", "Authorization: Bearer x", "/", false, 10, "request-authorization")]
    [InlineData("appliance: under a default TTL must-revalidate does not share an answer to Authorization", 200, "Cache-Control: must-revalidate", "Authorization: Bearer x", "/", true, 10, "request-authorization")]
    [InlineData("appliance: under a default TTL public does", 200, "Cache-Control: public", "Authorization: Bearer x", "/", true, 10, null)]
    [InlineData("appliance: under a default TTL an answer to a request with a cookie may be personal", 200, "", "Cookie: s=1", "/", true, 10, "request-cookie")]
    [InlineData("appliance: under a default TTL s-maxage says it is not", 200, "Cache-Control: s-maxage=60", "Cookie: s=1", "/", true, 10, null)]
    [InlineData("appliance: following the origin, its freshness is its word even for a request with a cookie", 200, Fresh, "Cookie: s=1", "/", false, 10, null)]
    [InlineData("appliance: a rule for *.jpg stores JPEGs", 200, Fresh + " | Content-Type: image/jpeg", "", "*.jpg", false, 10, null)]
    [InlineData("appliance: a rule for *.jpg does not store HTML (cache deception)", 200, Fresh + " | Content-Type: text/html", "", "*.jpg", false, 10, "content-type-mismatch")]
    [InlineData("appliance: an empty answer without a type has no type to mismatch", 200, Fresh, "", "*.jpg", false, 0, null)]
    [InlineData("9111 §4.2.2: no freshness and no default TTL: no heuristics here", 200, "", "", "/", false, 10, "no-freshness")]
    [InlineData("9111 §4.2.2: public alone gives no freshness without heuristics", 200, "Cache-Control: public", "", "/", false, 10, "no-freshness")]
    [InlineData("9111 §5.2.2.4: no-cache with an ETag is kept to be revalidated", 200, "Cache-Control: no-cache | ETag: \"a\"", "", "/", false, 10, null)]
    [InlineData("9111 §5.2.2.4: no-cache with a Last-Modified is kept to be revalidated", 200, "Cache-Control: no-cache | Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT", "", "/", false, 10, null)]
    [InlineData("9111 §5.2.2.4: no-cache without a validator could never be reused", 200, "Cache-Control: no-cache", "", "/", false, 10, "no-freshness")]
    [InlineData("9111 §5.3: an invalid Expires is explicit (already expired), so the response is kept", 200, "Expires: 0", "", "/", false, 10, null)]
    [InlineData("appliance: a default TTL gives freshness to a response without any", 200, "", "", "/", true, 10, null)]
    [InlineData("9111 §4.2.2: a default TTL, like a heuristic, applies to 404", 404, "", "", "/", true, 10, null)]
    [InlineData("9111 §4.2.2: a default TTL, like a heuristic, does not apply to 302", 302, "", "", "/", true, 10, "status")]
    [InlineData("9111 §3: with explicit freshness a 302 is stored", 302, Fresh, "", "/", false, 10, null)]
    [InlineData("9111 §3: with explicit freshness a 500 is stored", 500, Fresh, "", "/", false, 10, null)]
    [InlineData("9111 §3: a 304 is not a response to store", 304, Fresh, "", "/", false, 0, "status")]
    [InlineData("9111 §1.2.2: an overlarge max-age does not void private", 200, "Cache-Control: private, max-age=99999999999 | Expires: Thu, 01 Jan 2099 00:00:00 GMT", "", "/", false, 10, "private")]
    [InlineData("9111 §4.2.1: a malformed directive does not void no-store", 200, "Cache-Control: no-store, x=\"open | Expires: Thu, 01 Jan 2099 00:00:00 GMT", "", "/", false, 10, "no-store")]
    [InlineData("appliance: a Cache-Control that cannot be read whole may hide private: not stored", 200, "Cache-Control: max-age=60;private", "", "/", false, 10, "malformed-cache-control")]
    [InlineData("appliance: not under a default TTL either", 200, "Cache-Control: =private", "", "/", true, 10, "malformed-cache-control")]
    [InlineData("appliance: nor when the request's may hide no-store", 200, Fresh, "Cache-Control: max-age=0;no-store", "/", false, 10, "request-malformed-cache-control")]
    [InlineData("9111 §5.2: an unknown but well-formed extension does not stop storing", 200, "Cache-Control: max-age=60, community=\"UCI\"", "", "/", false, 10, null)]
    public void A_response_is_stored_unless_RFC_9111_or_the_rule_refuses_it(
        string clause, int status, string responseHeaders, string requestHeaders, string match, bool defaultTtl, long bodyLength, string? refusal)
    {
        _ = clause;
        var response = HeaderLines.Parse(responseHeaders);
        var request = HeaderLines.Parse(requestHeaders);
        var rule = new CacheRulePlan(new CacheRuleSpec
        {
            Name = "r", Match = match, Mode = defaultTtl ? CacheModes.DefaultTtl : CacheModes.FollowOrigin, DefaultTtlSeconds = 60, MaxObjectBytes = 1000,
        });

        var answer = CacheStorability.Refusal(
            status, response, CacheDirectives.Parse(response.CacheControl, response.Pragma), CacheVariants.NamesOf(response.Vary),
            request, CacheDirectives.Parse(request.CacheControl, request.Pragma), !StringValues.IsNullOrEmpty(request.Authorization), rule, bodyLength);

        Assert.Equal(refusal, answer);
    }

    [Theory]
    [InlineData("9111 §3.5: public", "public", true)]
    [InlineData("9111 §3.5: s-maxage", "s-maxage=60", true)]
    [InlineData("9111 §3.5: must-revalidate", "max-age=60, must-revalidate", true)]
    [InlineData("9111 §3.5: max-age alone does not", "max-age=60", false)]
    [InlineData("9111 §3.5: only must-revalidate, public and s-maxage; proxy-revalidate is not among them", "max-age=60, proxy-revalidate", false)]
    public void Only_some_directives_let_an_answer_to_Authorization_be_shared(string clause, string cacheControl, bool shared)
    {
        _ = clause;
        Assert.Equal(shared, CacheStorability.IsExplicitlyShared(CacheDirectives.Parse(cacheControl)));
    }

    [Theory]
    [InlineData("9111 §3.5: a request without Authorization takes any stored response", false, false, true)]
    [InlineData("9111 §3.5: a request with Authorization takes an explicitly shared one", true, true, true)]
    [InlineData("9111 §3.5: a request with Authorization does not take any other", true, false, false)]
    public void A_request_with_Authorization_is_answered_only_by_an_explicitly_shared_entry(string clause, bool hasAuthorization, bool sharedWithAuthorization, bool answers)
    {
        _ = clause;
        var entry = StoredEntries.Aged(0, 60, sharedWithAuthorization: sharedWithAuthorization);

        Assert.Equal(answers, CacheStorability.MayAnswer(entry, hasAuthorization));
    }
}
