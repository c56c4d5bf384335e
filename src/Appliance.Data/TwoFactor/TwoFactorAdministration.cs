using Appliance.Data.Entities;
using Appliance.Data.Store;
using Appliance.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.TwoFactor;

/// <summary>
/// What Admins decide about other users' two-factor sign-in: whether everyone must use it, and
/// resetting a user's authenticator (a lost phone without recovery codes). Both are made only by an
/// Admin who still is one when the change is written (<see cref="Editor"/>), end the affected users'
/// sessions through their security stamps, and are audited.
/// </summary>
public sealed class TwoFactorAdministration(IDbContextFactory<ApplianceDbContext> contexts, TimeProvider time, SessionCheckCache sessionChecks)
{
    private const string PolicyEntityType = "sign-in policy";
    private const string PolicyEntityName = "two-factor";

    /// <summary>Whether every user must sign in with two factors.</summary>
    public async Task<TwoFactorRequirement> GetRequirementAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new TwoFactorRequirement { Required = await TwoFactorQueries.IsRequiredAsync(db, cancellationToken) };
    }

    /// <summary>
    /// Requires two-factor of everyone, or lifts the requirement. Turning it on ends the sessions of
    /// every user without two-factor, who set it up at their next sign-in before anything else; an
    /// Admin at the site who has none yet is refused, rather than signed out by their own switch.
    /// </summary>
    public async Task<StoreResult<TwoFactorRequirement>> SetRequirementAsync(bool required, Editor editor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await editor.MayChangeAsync(db, cancellationToken))
        {
            return StoreResult<TwoFactorRequirement>.Forbidden(Editor.Refusal);
        }

        var policy = await db.SignInPolicy.SingleOrDefaultAsync(p => p.Id == SignInPolicyEntity.SingletonId, cancellationToken);
        var before = policy?.RequireTwoFactor ?? false;
        if (before == required)
        {
            return StoreResult<TwoFactorRequirement>.Ok(new TwoFactorRequirement { Required = required });
        }

        var withoutTwoFactor = required
            ? await db.Users.Where(u => !db.TwoFactorEnrolments.Any(e => e.UserId == u.Id && e.ConfirmedAt != null)).ToListAsync(cancellationToken)
            : [];
        if (editor.IsSignedInUser && withoutTwoFactor.Any(u => u.NormalizedUserName == UserNames.Normalize(editor.Name)))
        {
            return StoreResult<TwoFactorRequirement>.Conflict("required", TwoFactorMessages.EnrolYourselfFirst);
        }

        if (policy is null)
        {
            db.SignInPolicy.Add(new SignInPolicyEntity { RequireTwoFactor = required });
        }
        else
        {
            policy.RequireTwoFactor = required;
        }

        foreach (var user in withoutTwoFactor)
        {
            user.SecurityStamp = UserStore.NewSecurityStamp();
        }

        Auditing.AuditTrail.Add(db, time, editor.Name, AuditAction.Update, PolicyEntityType, PolicyEntityName,
            before: new { requireTwoFactor = before },
            after: new { requireTwoFactor = required, signedOut = withoutTwoFactor.Select(u => u.UserName).Order(StringComparer.Ordinal).ToArray() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sessionChecks.Invalidate();
        return StoreResult<TwoFactorRequirement>.Ok(new TwoFactorRequirement { Required = required });
    }

    /// <summary>
    /// Removes a user's authenticator and recovery codes and ends their sessions: at their next
    /// sign-in the password is enough again, or, while two-factor is required, they set up a new one.
    /// </summary>
    public async Task<StoreResult<UserInfo>> ResetAsync(string userName, Editor editor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await editor.MayChangeAsync(db, cancellationToken))
        {
            return StoreResult<UserInfo>.Forbidden(Editor.Refusal);
        }

        var normalized = UserNames.Normalize(userName);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (user is null)
        {
            return StoreResult<UserInfo>.NotFound($"There is no user named '{userName}'.");
        }

        if (!await TwoFactorQueries.IsEnrolledAsync(db, user.Id, cancellationToken))
        {
            return StoreResult<UserInfo>.Conflict("userName", $"'{user.UserName}' has not set up two-factor sign-in; nothing was changed.");
        }

        await TwoFactorQueries.RemoveAsync(db, user.Id, cancellationToken);
        user.SecurityStamp = UserStore.NewSecurityStamp();
        Auditing.AuditTrail.Add(db, time, editor.Name, AuditAction.ResetTwoFactor, TwoFactorStore.AuditEntityType, user.UserName, before: null, after: null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sessionChecks.Invalidate();
        return StoreResult<UserInfo>.Ok(UserStore.ToSessionUser(user).User);
    }

    /// <summary>The ids of the users who sign in with two factors.</summary>
    public async Task<IReadOnlySet<int>> EnrolledUserIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.TwoFactorEnrolments.Where(e => e.ConfirmedAt != null).Select(e => e.UserId).ToListAsync(cancellationToken)).ToHashSet();
    }
}
