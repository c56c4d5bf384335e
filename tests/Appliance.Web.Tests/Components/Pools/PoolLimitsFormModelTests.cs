using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Pools;

namespace Appliance.Web.Tests.Components.Pools;

/// <summary>
/// The limits section edits the stored queue record in place rather than building a new one from
/// the two fields it shows, so a member <see cref="PoolQueueSpec"/> gains later is never dropped.
/// </summary>
public sealed class PoolLimitsFormModelTests
{
    private static readonly PoolSpec Stored = new() { Name = "web", MaxConcurrentRequests = 8, Queue = new PoolQueueSpec { Length = 40, TimeoutSeconds = 9 } };

    [Fact]
    public void Saved_unchanged_the_stored_queue_is_the_one_saved()
    {
        var model = new PoolLimitsFormModel(Stored);

        var saved = model.ApplyTo(Stored);

        // The very record, not an equal copy: a copy would be made of the shown fields only.
        Assert.Same(Stored.Queue, saved.Queue);
        Assert.Equal(Stored, saved);
    }

    [Fact]
    public void A_changed_field_changes_only_that_member_of_the_stored_queue()
    {
        var model = new PoolLimitsFormModel(Stored) { QueueLength = 12 };

        Assert.Equal(Stored.Queue! with { Length = 12 }, model.ApplyTo(Stored).Queue);
    }

    [Fact]
    public void Switching_the_queue_off_and_on_again_brings_back_the_edited_queue()
    {
        var model = new PoolLimitsFormModel(Stored) { QueueTimeoutSeconds = 3 };
        model.Queued = false;
        Assert.Null(model.ApplyTo(Stored).Queue);

        model.Queued = true;
        Assert.Equal(Stored.Queue! with { TimeoutSeconds = 3 }, model.ApplyTo(Stored).Queue);
    }

    [Fact]
    public void A_pool_without_a_queue_is_offered_the_APIs_defaults()
    {
        var model = new PoolLimitsFormModel(Stored with { Queue = null }) { Queued = true };

        Assert.Equal(new PoolQueueSpec(), model.ApplyTo(Stored).Queue);
    }
}
