using System.Net;
using Appliance.Data.Counters;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Validation;
using Appliance.Data.Passwords;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Users;

/// <summary>
/// The admin site's users: passwords hashed by <see cref="PasswordHashes"/>, failed
/// sign-ins throttled per name and address by the <see cref="SignInThrottle"/>, at least one Admin
/// at all times, every change made only by an Admin who still is one when it is written (see
/// <see cref="Editor"/>), and every change audited (never a password, hash or security stamp). A new
/// password, a new role or <see cref="EndSessionsAsync"/> replaces the user's security stamp, which
/// ends every session issued with the old one.
/// </summary>
public sealed partial class UserStore(IDbContextFactory<ApplianceDbContext> contexts, TimeProvider time, SignInThrottle throttle, SharedCounters sharedCounters, SessionCheckCache sessionChecks)
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 128;

    /// <summary>
    /// What the change-password page says for a wrong current password and for a refused attempt
    /// alike, as sign-in gives one answer for both.
    /// </summary>
    public const string WrongCurrentPassword = "The current password is not correct, or there were too many attempts; try again later.";

    private const string UserEntityType = "user";

    private readonly ThrottledPasswordCheck _passwords = new(new SignInGate(throttle, new SharedSignInFailures(sharedCounters)));

    /// <summary>True once any user exists: the first-run setup is over.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>Every user, by name.</summary>
    public async Task<IReadOnlyList<UserInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedUserName).ToListAsync(cancellationToken);
        return users.Select(ToInfo).ToArray();
    }

    /// <summary>
    /// The user with this name (whatever its case) and the security stamp their sessions must carry,
    /// or null. The stamp is for session checks only: never list, audit or show it.
    /// </summary>
    public async Task<SessionUser?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = UserNames.Normalize(userName);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        return user is null ? null : ToSessionUser(user);
    }

    /// <summary>
    /// The user with this name and their security stamp, unless session <paramref name="sessionId"/>
    /// was signed out: what a session check needs, in one query.
    /// </summary>
    public async Task<SessionUser?> FindSessionAsync(string userName, string sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = UserNames.Normalize(userName);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName == normalized && !db.RevokedSessions.Any(s => s.Id == sessionId))
            .SingleOrDefaultAsync(cancellationToken);
        return user is null ? null : ToSessionUser(user);
    }

    /// <summary>Creates a user; 409 when the name is taken, whatever its case, 403 when <paramref name="editor"/> is no longer an Admin.</summary>
    public async Task<StoreResult<UserInfo>> CreateAsync(NewUser user, Editor editor, CancellationToken cancellationToken = default)
    {
        var userName = user.UserName?.Trim() ?? "";
        var errors = Check(user);
        if (!errors.IsEmpty)
        {
            return StoreResult<UserInfo>.Invalid(errors);
        }

        // Hashed before the transaction: the hash is slow by design, and the transaction holds the write lock.
        var passwordHash = PasswordHashes.Hash(user.Password);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await editor.MayChangeAsync(db, cancellationToken))
        {
            return StoreResult<UserInfo>.Forbidden(Editor.Refusal);
        }

        var normalized = UserNames.Normalize(userName);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            return StoreResult<UserInfo>.NameTaken("A user", userName, field: "userName");
        }

        var entity = new UserEntity { UserName = userName, NormalizedUserName = normalized, Role = user.Role, CreatedAt = time.GetUtcNow(), SecurityStamp = NewSecurityStamp() };
        entity.PasswordHash = passwordHash;
        db.Users.Add(entity);
        Audit(db, editor.Name, AuditAction.Create, userName, before: null, after: ToInfo(entity));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<UserInfo>.Ok(ToInfo(entity));
    }

    /// <summary>
    /// Checks a user name and password from <paramref name="clientAddress"/>. Failed means a wrong
    /// name or password; LockedOut that the throttle refused the attempt, or that it locked its
    /// address out. Unknown names go through the same steps, one password hash each, as known ones.
    /// A right password of a user with two-factor is SecondFactorNeeded, and stays counted as a
    /// failure until the code is right too (<see cref="TwoFactor.TwoFactorSignIn"/>); one of a user
    /// without it, while an Admin requires it of everyone, is EnrolmentNeeded. Neither is a session.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, IPAddress? clientAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = UserNames.Normalize(userName);
        var entity = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        // Asked for unknown names too (of no user), so that they take the same steps as known ones.
        var twoFactor = await TwoFactor.TwoFactorQueries.IsEnrolledAsync(db, entity?.Id ?? 0, cancellationToken) && entity is not null;
        var (outcome, rehashNeeded) = await _passwords.CheckAsync(normalized, entity, password, clientAddress, forgiveOnSuccess: !twoFactor);
        if (outcome != SignInOutcome.Succeeded)
        {
            return new SignInResult(outcome);
        }

        if (rehashNeeded)
        {
            entity!.PasswordHash = PasswordHashes.Hash(password!);
        }

        if (entity!.SecurityStamp.Length == 0)
        {
            // A user from before security stamps existed.
            entity.SecurityStamp = NewSecurityStamp();
        }

        // Read after the user: turning the requirement on replaces the stamps of users without
        // two-factor, so a session issued with a stamp read before that is refused at once.
        var next = twoFactor ? SignInOutcome.SecondFactorNeeded
            : await TwoFactor.TwoFactorQueries.IsRequiredAsync(db, cancellationToken) ? SignInOutcome.EnrolmentNeeded
            : SignInOutcome.Succeeded;
        if (next == SignInOutcome.Succeeded)
        {
            // The owner's usual places: exempt from the slow-down a distributed guess brings. With
            // two-factor, only once the code proves it is the owner.
            entity.RecentSignInAddresses = RecentSignInAddresses.With(entity.RecentSignInAddresses, clientAddress);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SignInResult(next, ToSessionUser(entity));
    }

    /// <summary>
    /// Changes a user's own password after checking the current one, and ends their sessions: the
    /// caller re-issues the session it is serving with <see cref="FindAsync"/>. The current password
    /// is checked as a sign-in from <paramref name="clientAddress"/> is, and counts as one.
    /// </summary>
    public async Task<StoreResult<UserInfo>> ChangePasswordAsync(
        string userName, string currentPassword, string newPassword, IPAddress? clientAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = UserNames.Normalize(userName);
        var entity = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (entity is null)
        {
            return StoreResult<UserInfo>.NotFound($"There is no user named '{userName}'.");
        }

        var errors = new ValidationErrors();
        if ((await _passwords.CheckAsync(normalized, entity, currentPassword, clientAddress)).Outcome != SignInOutcome.Succeeded)
        {
            errors.Add("currentPassword", WrongCurrentPassword);
        }

        ValidatePassword(newPassword, entity.UserName, "newPassword", errors);
        if (!errors.IsEmpty)
        {
            return StoreResult<UserInfo>.Invalid(errors);
        }

        entity.PasswordHash = PasswordHashes.Hash(newPassword);
        entity.SecurityStamp = NewSecurityStamp();
        Audit(db, entity.UserName, AuditAction.Update, entity.UserName, ToInfo(entity), ToInfo(entity));
        await db.SaveChangesAsync(cancellationToken);
        sessionChecks.Invalidate();
        return StoreResult<UserInfo>.Ok(ToInfo(entity));
    }

    /// <summary>
    /// Changes a user's role and ends their sessions, so that no page or circuit opened under the old
    /// role outlives it; the last Admin cannot be demoted.
    /// </summary>
    public Task<StoreResult<UserInfo>> SetRoleAsync(int id, string role, Editor editor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, editor, cancellationToken, async (db, entity) =>
        {
            var errors = new ValidationErrors();
            ApplianceRoles.Validate(role, errors);
            if (!errors.IsEmpty)
            {
                return StoreResult<UserInfo>.Invalid(errors);
            }

            if (entity.Role == ApplianceRoles.Admin && role != ApplianceRoles.Admin && await IsLastAdminAsync(db, cancellationToken))
            {
                return StoreResult<UserInfo>.Conflict("role", $"'{entity.UserName}' is the last Admin; make another user Admin first.");
            }

            var before = ToInfo(entity);
            if (entity.Role != role)
            {
                entity.Role = role;
                entity.SecurityStamp = NewSecurityStamp();
            }

            Audit(db, editor.Name, AuditAction.Update, entity.UserName, before, ToInfo(entity));
            return StoreResult<UserInfo>.Ok(ToInfo(entity));
        });

    /// <summary>Ends every session of a user, wherever it was opened; they sign in again.</summary>
    public Task<StoreResult<UserInfo>> EndSessionsAsync(int id, Editor editor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, editor, cancellationToken, (db, entity) =>
        {
            entity.SecurityStamp = NewSecurityStamp();
            Audit(db, editor.Name, AuditAction.EndSessions, entity.UserName, before: null, after: null);
            return Task.FromResult(StoreResult<UserInfo>.Ok(ToInfo(entity)));
        });

    /// <summary>Deletes a user; the last Admin cannot be deleted.</summary>
    public Task<StoreResult<UserInfo>> DeleteAsync(int id, Editor editor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, editor, cancellationToken, async (db, entity) =>
        {
            if (entity.Role == ApplianceRoles.Admin && await IsLastAdminAsync(db, cancellationToken))
            {
                return StoreResult<UserInfo>.Conflict("id", $"'{entity.UserName}' is the last Admin and cannot be deleted.");
            }

            db.Users.Remove(entity);
            Audit(db, editor.Name, AuditAction.Delete, entity.UserName, ToInfo(entity), after: null);
            return StoreResult<UserInfo>.Ok(ToInfo(entity));
        });

    private async Task<StoreResult<UserInfo>> ChangeAsync(
        int id,
        Editor editor,
        CancellationToken cancellationToken,
        Func<ApplianceDbContext, UserEntity, Task<StoreResult<UserInfo>>> change)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await editor.MayChangeAsync(db, cancellationToken))
        {
            return StoreResult<UserInfo>.Forbidden(Editor.Refusal);
        }

        var entity = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (entity is null)
        {
            return StoreResult<UserInfo>.NotFound($"There is no user with id {id}.");
        }

        var result = await change(db, entity);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            // A new stamp or a deleted user: sessions checked a moment ago must not outlive it here.
            sessionChecks.Invalidate();
        }

        return result;
    }

    private static async Task<bool> IsLastAdminAsync(ApplianceDbContext db, CancellationToken cancellationToken) =>
        await db.Users.CountAsync(u => u.Role == ApplianceRoles.Admin, cancellationToken) <= 1;

    /// <summary>
    /// What is wrong with <paramref name="user"/> as a new user, by field, without asking the
    /// database (a taken name is found only when it is created): for forms that show every
    /// message at once, whatever else they refuse.
    /// </summary>
    public static IDictionary<string, string[]> ProblemsWith(NewUser user) => Check(user).ToDictionary();

    private static ValidationErrors Check(NewUser user)
    {
        var userName = user.UserName?.Trim() ?? "";
        var errors = new ValidationErrors();
        if (!UserNamePattern().IsMatch(userName))
        {
            errors.Add("userName", "Use 1 to 64 letters, digits, dots, dashes, underscores or @.");
        }

        ValidatePassword(user.Password, userName, "password", errors);
        ApplianceRoles.Validate(user.Role, errors);
        return errors;
    }

    private static void ValidatePassword(string? password, string userName, string field, ValidationErrors errors)
    {
        // Length over composition rules, as NIST SP 800-63B advises.
        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            errors.Add(field, $"Use a password of {MinPasswordLength} to {MaxPasswordLength} characters.");
        }
        else if (string.Equals(password, userName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(field, "The password cannot be the user name.");
        }
    }

    internal static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    internal static SessionUser ToSessionUser(UserEntity entity) => new(ToInfo(entity), entity.SecurityStamp);

    private static UserInfo ToInfo(UserEntity entity) => new(entity.Id, entity.UserName, entity.Role, entity.CreatedAt);

    private void Audit(ApplianceDbContext db, string actor, AuditAction action, string name, UserInfo? before, UserInfo? after) =>
        Auditing.AuditTrail.Add(db, time, actor, action, UserEntityType, name, before, after);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex UserNamePattern();
}
