using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Users;

/// <summary>
/// Sign-in sessions ended by signing out, remembered until no cookie of theirs can still be valid,
/// so that a copy of a signed-out cookie is refused. Only sign-outs write here; session checks read
/// it with the user (<see cref="UserStore.FindSessionAsync"/>). Kept in the database so that every
/// node refuses the same cookies.
/// </summary>
public sealed class RevokedSessionStore(IDbContextFactory<ApplianceDbContext> contexts, TimeProvider time, SessionCheckCache checks)
{
    /// <summary>
    /// Revokes <paramref name="sessionId"/> for <paramref name="cookieLifetime"/>, the longest a
    /// cookie issued before now can stay valid, and forgets revocations that have run out.
    /// </summary>
    public async Task RevokeAsync(string sessionId, TimeSpan cookieLifetime, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RevokedSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);

        // Insert, and take "already there" as done: a check before the insert would leave a window
        // in which two sign-outs of one session (two tabs, a double click) both insert, and the
        // second would fail on the key.
        db.RevokedSessions.Add(new RevokedSessionEntity { Id = sessionId, ExpiresAt = now + cookieLifetime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await IsRevokedAsync(sessionId, cancellationToken))
            {
                throw;
            }
        }

        checks.Invalidate();
    }

    /// <summary>True when <paramref name="sessionId"/> was signed out.</summary>
    public async Task<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RevokedSessions.AnyAsync(s => s.Id == sessionId, cancellationToken);
    }
}
