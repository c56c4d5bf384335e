using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheStatusTests
{
    // Each row: fwd (null for a hit), fwd-status, ttl, whether the answer was stored, detail; the member written.
    [Theory]
    [InlineData("9211 §2.1, §2.4: a hit with its remaining freshness", null, null, 376, false, null, "Appliance; hit; ttl=376")]
    [InlineData("9211 §2.1, §2.4, §2.8: a hit served stale while the origin is asked, its ttl negative", null, null, -10, false, "stale-while-revalidate", "Appliance; hit; ttl=-10; detail=stale-while-revalidate")]
    [InlineData("9211 §2.2: a miss", "uri-miss", null, null, false, null, "Appliance; fwd=uri-miss")]
    [InlineData("9211 §2.2, §2.8: a miss not stored, and why", "uri-miss", null, null, false, "no-store", "Appliance; fwd=uri-miss; detail=no-store")]
    [InlineData("9211 §2.2, §2.5, §2.4: a miss stored, with its ttl", "uri-miss", null, 60, true, null, "Appliance; fwd=uri-miss; stored; ttl=60")]
    [InlineData("9211 §2.2, §2.3, §2.5: a stale response validated with a 304 and freshened", "stale", 304, 60, true, null, "Appliance; fwd=stale; fwd-status=304; stored; ttl=60")]
    [InlineData("9211 §2.3, §2.8: the origin failed and a stale response stood in", "stale", 503, null, false, "stale-if-error", "Appliance; fwd=stale; fwd-status=503; detail=stale-if-error")]
    [InlineData("9211 §2.2: the request's directives sent it forward", "request", null, null, false, null, "Appliance; fwd=request")]
    [InlineData("9211 §2.2, §2.4: an answer stored already stale has a negative ttl", "uri-miss", null, -40, true, null, "Appliance; fwd=uri-miss; stored; ttl=-40")]
    public void The_member_says_hit_or_why_the_request_went_forward(
        string clause, string? fwd, int? fwdStatus, int? ttl, bool stored, string? detail, string member)
    {
        _ = clause;
        var written = fwd is null
            ? CacheStatus.Hit(ttl!.Value, detail)
            : CacheStatus.Forwarded(fwd, fwdStatus, stored ? ttl : null, detail);

        Assert.Equal(member, written);
    }

    [Fact]
    public void A_request_that_reused_another_ones_fetch_went_forward_collapsed()
    {
        // RFC 9211 §2.7, and its example "fwd=uri-miss; collapsed".
        Assert.Equal("Appliance; fwd=uri-miss; collapsed; ttl=60", CacheStatus.Collapsed("uri-miss", 60));
    }

    [Fact]
    public void A_request_that_waited_for_a_fetch_it_could_not_reuse_says_collapsed_false()
    {
        // RFC 9211 §2.7, and its example "fwd=uri-miss; collapsed=?0".
        Assert.Equal("Appliance; fwd=uri-miss; collapsed=?0; stored; ttl=60", CacheStatus.Forwarded("uri-miss", storedTtl: 60, collapseFailed: true));
    }

    // Each row: whether anything was stored for the URL, for the request's variant, and whether that was fresh.
    [Theory]
    [InlineData("9211 §2.2: nothing stored for the URL is a uri-miss, whatever the request's directives", false, false, false, "uri-miss")]
    [InlineData("9211 §2.2: responses for the URL but none for this variant is a vary-miss", true, false, false, "vary-miss")]
    [InlineData("9211 §2.2: a stored response that was stale is stale", true, true, false, "stale")]
    [InlineData("9211 §2.2: a fresh one the request did not allow (no-cache, max-age, min-fresh, Authorization) is request", true, true, true, "request")]
    public void The_forward_reason_says_what_the_store_held(string clause, bool urlStored, bool variantStored, bool variantFresh, string fwd)
    {
        _ = clause;
        Assert.Equal(fwd, CacheStatus.ForwardReason(urlStored, variantStored, variantFresh));
    }
}
