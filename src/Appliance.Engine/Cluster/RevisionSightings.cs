namespace Appliance.Engine.Cluster;

/// <summary>
/// When this node first saw each recent configuration revision in the database. A node whose
/// applied revision is older is called behind only once the next revision has been there longer
/// than a grace period: a node in the middle of refreshing, or whose next heartbeat has not come
/// yet, is not behind.
/// </summary>
public sealed class RevisionSightings(TimeProvider time)
{
    // Enough to cover any grace period at any sane write rate; older sightings no longer matter.
    private const int Kept = 64;

    private readonly Lock _lock = new();
    private readonly SortedList<long, DateTimeOffset> _seen = [];

    /// <summary>Notes that the database holds <paramref name="revision"/> now.</summary>
    public void Observe(long revision)
    {
        lock (_lock)
        {
            if (_seen.ContainsKey(revision))
            {
                return;
            }

            _seen.Add(revision, time.GetUtcNow());
            if (_seen.Count > Kept)
            {
                _seen.RemoveAt(0);
            }
        }
    }

    /// <summary>
    /// Whether a node serving <paramref name="applied"/> has had longer than <paramref name="grace"/>
    /// to catch up with a newer revision this node has seen.
    /// </summary>
    public bool IsBehind(long applied, TimeSpan grace)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            // The first revision newer than the node's: it has been due since that one appeared.
            foreach (var (revision, seenAt) in _seen)
            {
                if (revision > applied)
                {
                    return now - seenAt > grace;
                }
            }

            return false;
        }
    }
}
