using System.Buffers;

namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>
/// The last requests the data plane served, for the access log viewer: a ring of
/// <see cref="AccessLogOptions.ViewerCapacity"/> slots that the newest request overwrites the oldest
/// in. Shared by both servers: the data plane adds, the control plane reads.
/// </summary>
/// <remarks>
/// A slot is a struct copied in under one lock held for the copy alone, so adding costs the request
/// path no allocation and no work but that copy. Readers copy the slots out under the same lock and
/// do their filtering and counting outside it, so a search never holds up traffic for longer than
/// a copy of the ring.
/// </remarks>
public sealed class RecentRequests
{
    private readonly RecentRequest[] _slots;
    private readonly Lock _gate = new();
    private long _added;

    /// <summary>Creates the ring with the configured capacity (0: nothing is kept).</summary>
    public RecentRequests(AccessLogOptions options)
    {
        _slots = new RecentRequest[options.ViewerCapacity];
    }

    /// <summary>How many requests the ring holds at most; 0 when the viewer is off.</summary>
    public int Capacity => _slots.Length;

    /// <summary>False when the viewer is off, so the request path can skip building an entry.</summary>
    public bool Enabled => _slots.Length > 0;

    /// <summary>Requests added since start, including those overwritten since.</summary>
    public long Added
    {
        get
        {
            lock (_gate)
            {
                return _added;
            }
        }
    }

    /// <summary>How many requests the ring holds now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return (int)Math.Min(_added, _slots.Length);
            }
        }
    }

    /// <summary>Keeps <paramref name="request"/>, overwriting the oldest once full; its sequence is set here.</summary>
    public void Add(in RecentRequest request)
    {
        if (_slots.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            var sequence = _added++;
            _slots[(int)(sequence % _slots.Length)] = request with { Sequence = sequence };
        }
    }

    /// <summary>
    /// The requests held now, newest first, in an array rented from <see cref="ArrayPool{T}.Shared"/>
    /// (valid up to the count returned); give it back with <see cref="Return"/>. <c>Overwritten</c>
    /// says whether older requests were already overwritten when the copy was made.
    /// </summary>
    public (RecentRequest[] Rented, int Count, bool Overwritten) RentNewestFirst()
    {
        var rented = ArrayPool<RecentRequest>.Shared.Rent(Math.Max(_slots.Length, 1));
        int count, newerRun;
        bool overwritten;
        lock (_gate)
        {
            // Slots 0 to the newest request's hold the newer run, the slots after it (once the ring
            // has wrapped) the older one: two block copies.
            count = (int)Math.Min(_added, _slots.Length);
            overwritten = _added > _slots.Length;
            newerRun = count == 0 ? 0 : (int)((_added - 1) % _slots.Length) + 1;
            _slots.AsSpan(0, newerRun).CopyTo(rented);
            _slots.AsSpan(newerRun, count - newerRun).CopyTo(rented.AsSpan(newerRun));
        }

        // Each run is oldest to newest; reversed in place, outside the lock, they read newest first.
        rented.AsSpan(0, newerRun).Reverse();
        rented.AsSpan(newerRun, count - newerRun).Reverse();
        return (rented, count, overwritten);
    }

    /// <summary>Gives back an array from <see cref="RentNewestFirst"/>, clearing it so that it holds no request's strings.</summary>
    public static void Return(RecentRequest[] rented) => ArrayPool<RecentRequest>.Shared.Return(rented, clearArray: true);
}
