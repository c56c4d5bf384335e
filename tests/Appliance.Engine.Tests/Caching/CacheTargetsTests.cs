using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheTargetsTests
{
    [Theory]
    [InlineData("9213 §2.2: own field first, then CDN-Cache-Control; only the own field is consumed", "Edge-CC", true, true, "Edge-CC,CDN-Cache-Control", "Edge-CC")]
    [InlineData("9213 §2.2: CDN-Cache-Control consumed here when it is not to go on", "Edge-CC", true, false, "Edge-CC,CDN-Cache-Control", "Edge-CC,CDN-Cache-Control")]
    [InlineData("9213 §2.2: CDN-Cache-Control ignored is neither obeyed nor removed", "Edge-CC", false, false, "Edge-CC", "Edge-CC")]
    public void The_target_list_and_what_never_leaves_follow_the_options(string clause, string own, bool honorCdn, bool forwardCdn, string fields, string removed)
    {
        Assert.False(string.IsNullOrWhiteSpace(clause));
        var targets = CacheTargets.Of(new CacheOptions { TargetedFieldName = own, HonorCdnCacheControl = honorCdn, ForwardCdnCacheControl = forwardCdn });

        Assert.Equal(fields, string.Join(',', targets.Fields));
        Assert.Equal(removed, string.Join(',', targets.Removed));
        Assert.True(targets.IsRemoved(own.ToLowerInvariant()));
        Assert.Equal(!forwardCdn && honorCdn, targets.IsRemoved("cdn-cache-control"));
    }
}
