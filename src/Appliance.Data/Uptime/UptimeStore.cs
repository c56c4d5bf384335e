using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Uptime;

/// <summary>
/// Backends' health history per node, kept for the uptime figures: each run of a node's checks
/// (<see cref="UptimeSession"/>) and the transitions seen in it. Only the engine's background
/// writer writes here; the data plane never waits on it.
/// </summary>
public sealed class UptimeStore(IDbContextFactory<ApplianceDbContext> contexts)
{
    /// <summary>Records that <paramref name="node"/> starts observing at <paramref name="at"/>; returns the run's id.</summary>
    public async Task<long> StartSessionAsync(string node, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = new UptimeSessionEntity { Node = node, StartedAt = at, LastSeenAt = at };
        db.UptimeSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>Adds transitions and moves the run's last-seen time, in one save: both or neither.</summary>
    public async Task AppendAsync(long sessionId, IReadOnlyList<HealthTransition> transitions, DateTimeOffset lastSeen, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = new UptimeSessionEntity { Id = sessionId };
        db.UptimeSessions.Attach(session);
        session.LastSeenAt = lastSeen;
        db.Entry(session).Property(s => s.LastSeenAt).IsModified = true;
        db.HealthTransitions.AddRange(transitions.Select(t => new HealthTransitionEntity
        {
            SessionId = sessionId,
            Node = t.Node,
            Pool = t.Pool,
            Backend = t.Backend,
            At = t.At,
            State = t.State,
            Source = t.Source,
            Reason = t.Reason is { Length: > 200 } reason ? reason[..200] : t.Reason,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Forgets what is older than <paramref name="cutoff"/>: runs that ended before it, with their
    /// transitions, and in longer runs every transition before it but the last per backend, which
    /// still says what held at the cutoff. Returns the number of rows removed.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ended = db.UptimeSessions.Where(s => s.LastSeenAt < cutoff).Select(s => s.Id);
        var removed = await db.HealthTransitions.Where(t => ended.Contains(t.SessionId)).ExecuteDeleteAsync(cancellationToken);
        removed += await db.UptimeSessions.Where(s => s.LastSeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        removed += await db.HealthTransitions
            .Where(t => t.At < cutoff && db.HealthTransitions.Any(later =>
                later.SessionId == t.SessionId && later.Pool == t.Pool && later.Backend == t.Backend && later.At < cutoff && later.Id > t.Id))
            .ExecuteDeleteAsync(cancellationToken);
        return removed;
    }

    /// <summary>
    /// <paramref name="node"/>'s runs that end at or after <paramref name="from"/>, and their
    /// transitions, optionally of one pool and one backend.
    /// </summary>
    public async Task<UptimeHistory> ReadAsync(string node, DateTimeOffset from, string? pool = null, string? backend = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sessions = await db.UptimeSessions.AsNoTracking()
            .Where(s => s.Node == node && s.LastSeenAt >= from)
            .OrderBy(s => s.Id)
            .Select(s => new UptimeSession(s.Id, s.Node, s.StartedAt, s.LastSeenAt))
            .ToListAsync(cancellationToken);
        if (sessions.Count == 0)
        {
            return UptimeHistory.Empty;
        }

        var ids = sessions.Select(s => s.Id).ToArray();
        var query = db.HealthTransitions.AsNoTracking().Where(t => ids.Contains(t.SessionId));
        if (pool is not null)
        {
            query = query.Where(t => t.Pool == pool);
        }

        if (backend is not null)
        {
            query = query.Where(t => t.Backend == backend);
        }

        var transitions = await query
            .OrderBy(t => t.Id)
            .Select(t => new HealthTransition(t.SessionId, t.Node, t.Pool, t.Backend, t.At, t.State, t.Source, t.Reason))
            .ToListAsync(cancellationToken);
        return new UptimeHistory(sessions, transitions);
    }

    /// <summary>The names of the nodes with a run ending at or after <paramref name="from"/>.</summary>
    public async Task<IReadOnlyList<string>> NodesAsync(DateTimeOffset from, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UptimeSessions.AsNoTracking().Where(s => s.LastSeenAt >= from).Select(s => s.Node).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
    }
}
