using Appliance.Data.Model;
using Appliance.Data.Users;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Data.Tests.Users;

public sealed class SessionCheckCacheTests
{
    private static readonly SessionUser Ops = new(new UserInfo(1, "ops", ApplianceRoles.Admin, DateTimeOffset.UnixEpoch), "STAMP");

    [Fact]
    public void A_check_is_remembered_for_its_lifetime_under_its_session_and_stamp_only()
    {
        var clock = new FakeTimeProvider();
        var cache = new SessionCheckCache(clock);
        cache.Remember("s1", "STAMP", Ops, cache.Generation);

        Assert.Same(Ops, cache.Find("s1", "STAMP"));
        Assert.Null(cache.Find("s1", "OTHER"));
        Assert.Null(cache.Find("s2", "STAMP"));

        clock.Advance(SessionCheckCache.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.Same(Ops, cache.Find("s1", "STAMP"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(cache.Find("s1", "STAMP"));
    }

    [Fact]
    public void An_answer_read_before_an_invalidation_is_never_served_after_it()
    {
        var cache = new SessionCheckCache(new FakeTimeProvider());
        cache.Remember("s1", "STAMP", Ops, cache.Generation);
        var readBefore = cache.Generation;

        cache.Invalidate();
        Assert.Null(cache.Find("s1", "STAMP"));

        // The database was read before the session ended, and the answer arrives after.
        cache.Remember("s1", "STAMP", Ops, readBefore);
        Assert.Null(cache.Find("s1", "STAMP"));
    }
}
