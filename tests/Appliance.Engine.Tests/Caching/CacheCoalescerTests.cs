using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheCoalescerTests
{
    [Fact]
    public async Task Waiters_get_what_the_leader_stored_as_soon_as_it_completes()
    {
        var coalescer = new CacheCoalescer();
        Assert.True(coalescer.TryLead("k", out var led));
        Assert.False(coalescer.TryLead("k", out var waiting));
        var entry = StoredEntries.Aged(0, 60);

        coalescer.Complete("k", led, entry);

        Assert.Same(entry, await waiting);
    }

    [Fact]
    public void A_leader_that_completes_again_leaves_the_next_fetch_of_the_same_key_alone()
    {
        var coalescer = new CacheCoalescer();
        Assert.True(coalescer.TryLead("k", out var first));
        coalescer.Complete("k", first, StoredEntries.Aged(0, 60));
        Assert.True(coalescer.TryLead("k", out var second));

        // The first leader's finally, after its client read the answer.
        coalescer.Complete("k", first, null);

        Assert.False(second.IsCompleted);
        Assert.False(coalescer.TryLead("k", out var waiting));
        Assert.Same(second, waiting);
    }
}
