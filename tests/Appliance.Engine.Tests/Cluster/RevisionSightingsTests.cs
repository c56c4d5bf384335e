using Appliance.Engine.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Cluster;

/// <summary>When a node serving an older revision counts as behind, on a clock the test moves.</summary>
public sealed class RevisionSightingsTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(11);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_node_behind_is_flagged_only_once_the_newer_revision_is_older_than_the_grace()
    {
        var sightings = new RevisionSightings(_clock);
        sightings.Observe(5);
        Assert.False(sightings.IsBehind(5, Grace));

        sightings.Observe(6);
        Assert.False(sightings.IsBehind(5, Grace));
        _clock.Advance(Grace);
        Assert.False(sightings.IsBehind(5, Grace));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(sightings.IsBehind(5, Grace));

        // Catching up clears it at once.
        Assert.False(sightings.IsBehind(6, Grace));
    }

    [Fact]
    public void The_grace_runs_from_the_first_revision_newer_than_the_nodes_not_the_latest()
    {
        var sightings = new RevisionSightings(_clock);
        sightings.Observe(1);
        sightings.Observe(2);
        _clock.Advance(TimeSpan.FromSeconds(10));
        sightings.Observe(3);

        // Revision 2 has been due for 12 s by now: a node at 1 is behind even though 3 is new.
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(sightings.IsBehind(1, Grace));

        // A node at 2 caught up with what was due; 3 has been there only 2 s.
        Assert.False(sightings.IsBehind(2, Grace));
        _clock.Advance(Grace);
        Assert.True(sightings.IsBehind(2, Grace));
    }

    [Fact]
    public void Seeing_a_revision_again_does_not_restart_its_grace()
    {
        var sightings = new RevisionSightings(_clock);
        sightings.Observe(2);
        _clock.Advance(TimeSpan.FromSeconds(8));
        sightings.Observe(2);
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(sightings.IsBehind(1, Grace));
    }

    [Fact]
    public void A_revision_never_seen_newer_is_never_behind()
    {
        var sightings = new RevisionSightings(_clock);
        Assert.False(sightings.IsBehind(0, Grace));
        sightings.Observe(4);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.False(sightings.IsBehind(4, Grace));
        Assert.False(sightings.IsBehind(9, Grace));
    }
}
