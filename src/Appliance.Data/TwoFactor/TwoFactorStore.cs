using System.Net;
using Appliance.Data.Counters;
using Appliance.Data.Entities;
using Appliance.Data.Store;
using Appliance.Data.Users;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Appliance.Data.TwoFactor;

/// <summary>
/// A user's own two-factor sign-in: setting up an authenticator (the secret kept encrypted, confirmed
/// by its first code), recovery codes (shown once, stored hashed), and turning it off. Each change
/// asks for the password again, checked and counted as a sign-in is (and turning it off for a current
/// code too), replaces the user's security stamp where it changes how they sign in (ending their
/// other sessions; the caller renews the one it serves), and is audited without any secret.
/// </summary>
public sealed class TwoFactorStore(
    IDbContextFactory<ApplianceDbContext> contexts,
    TimeProvider time,
    SignInThrottle throttle,
    SharedCounters sharedCounters,
    SessionCheckCache sessionChecks,
    TwoFactorSecretProtector protector,
    ILogger<TwoFactorStore> logger)
{
    /// <summary>The issuer authenticator apps show next to the user name.</summary>
    public const string Issuer = "Appliance";

    internal const string AuditEntityType = "user";

    private readonly SignInGate _gate = new(throttle, new SharedSignInFailures(sharedCounters));

    private ThrottledPasswordCheck Passwords => new(_gate);

    /// <summary>The user's two-factor sign-in, or null when there is no such user.</summary>
    public async Task<TwoFactorStatus?> GetStatusAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindUserAsync(db, userName, cancellationToken) is not { } user)
        {
            return null;
        }

        var enrolment = await db.TwoFactorEnrolments.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == user.Id && e.ConfirmedAt != null, cancellationToken);
        var left = await db.RecoveryCodes.CountAsync(c => c.UserId == user.Id, cancellationToken);
        return new TwoFactorStatus(enrolment is not null, enrolment?.ConfirmedAt, left, await TwoFactorQueries.IsRequiredAsync(db, cancellationToken));
    }

    /// <summary>
    /// The authenticator being set up for the user, begun now if none is: the same secret until it is
    /// confirmed, so that reloading the page does not invalidate what the phone has scanned. With
    /// <paramref name="securityStamp"/> (a sign-in that must set it up first), only while the user's
    /// stamp is still that one.
    /// </summary>
    public async Task<StoreResult<TwoFactorSetup>> BeginSetupAsync(string userName, string? securityStamp = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindUserAsync(db, userName, cancellationToken) is not { } user || (securityStamp is not null && !TwoFactorSignIn.SameStamp(user.SecurityStamp, securityStamp)))
        {
            return StoreResult<TwoFactorSetup>.NotFound($"There is no user named '{userName}'.");
        }

        for (var attempt = 0; ; attempt++)
        {
            var enrolment = await db.TwoFactorEnrolments.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == user.Id, cancellationToken);
            if (enrolment?.ConfirmedAt is not null)
            {
                return StoreResult<TwoFactorSetup>.Conflict("code", TwoFactorMessages.AlreadyOn);
            }

            if (enrolment is not null)
            {
                var secret = protector.Unprotect(enrolment.ProtectedSecret);
                return StoreResult<TwoFactorSetup>.Ok(new TwoFactorSetup(TotpCodes.ToBase32(secret), TotpCodes.ToUri(secret, Issuer, user.UserName)));
            }

            db.TwoFactorEnrolments.Add(new TwoFactorEnrolmentEntity { UserId = user.Id, ProtectedSecret = protector.Protect(TotpCodes.NewSecret()) });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another tab began at the same moment: show the secret it stored.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Turns two-factor on for a signed-in user: their password again, and the first code of the
    /// authenticator being set up. Returns the recovery codes, in clear this once.
    /// </summary>
    public async Task<StoreResult<RecoveryCodeSet>> ConfirmSetupAsync(string userName, string? password, string? code, IPAddress? clientAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindUserAsync(db, userName, cancellationToken) is not { } user)
        {
            return StoreResult<RecoveryCodeSet>.NotFound($"There is no user named '{userName}'.");
        }

        if ((await Passwords.CheckAsync(user.NormalizedUserName, user, password, clientAddress)).Outcome != SignInOutcome.Succeeded)
        {
            return Invalid<RecoveryCodeSet>("password", TwoFactorMessages.WrongPassword);
        }

        return await ConfirmAsync(db, user, code, cancellationToken);
    }

    /// <summary>
    /// Turns two-factor on for a user whose password was right moments ago, when their stamp was
    /// <paramref name="securityStamp"/>, and who must set it up before their session begins.
    /// </summary>
    public async Task<StoreResult<RecoveryCodeSet>> ConfirmSetupAtSignInAsync(string userName, string securityStamp, string? code, IPAddress? clientAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindUserAsync(db, userName, cancellationToken) is not { } user || !TwoFactorSignIn.SameStamp(user.SecurityStamp, securityStamp))
        {
            return StoreResult<RecoveryCodeSet>.NotFound("This sign-in has expired; sign in again.");
        }

        user.RecentSignInAddresses = RecentSignInAddresses.With(user.RecentSignInAddresses, clientAddress);
        return await ConfirmAsync(db, user, code, cancellationToken);
    }

    /// <summary>Replaces the user's recovery codes after checking their password; the old ones stop working.</summary>
    public async Task<StoreResult<RecoveryCodeSet>> RegenerateRecoveryCodesAsync(string userName, string? password, IPAddress? clientAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindUserAsync(db, userName, cancellationToken) is not { } user)
        {
            return StoreResult<RecoveryCodeSet>.NotFound($"There is no user named '{userName}'.");
        }

        if ((await Passwords.CheckAsync(user.NormalizedUserName, user, password, clientAddress)).Outcome != SignInOutcome.Succeeded)
        {
            return Invalid<RecoveryCodeSet>("password", TwoFactorMessages.WrongPassword);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await TwoFactorQueries.IsEnrolledAsync(db, user.Id, cancellationToken))
        {
            return StoreResult<RecoveryCodeSet>.Conflict("password", TwoFactorMessages.NotOn);
        }

        var codes = await TwoFactorQueries.ReplaceRecoveryCodesAsync(db, user.Id, cancellationToken);
        Audit(db, user, AuditAction.NewRecoveryCodes, new { recoveryCodes = codes.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<RecoveryCodeSet>.Ok(new RecoveryCodeSet(codes));
    }

    /// <summary>
    /// Turns the user's two-factor off: their password, then a current code or a recovery code, each
    /// counted as a sign-in's. Refused while an Admin requires two-factor of everyone.
    /// </summary>
    public async Task<StoreResult<TwoFactorStatus>> DisableAsync(string userName, string? password, string? code, IPAddress? clientAddress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindUserAsync(db, userName, cancellationToken) is not { } user)
        {
            return StoreResult<TwoFactorStatus>.NotFound($"There is no user named '{userName}'.");
        }

        if (await TwoFactorQueries.IsRequiredAsync(db, cancellationToken))
        {
            return StoreResult<TwoFactorStatus>.Conflict("code", TwoFactorMessages.RequiredForEveryone);
        }

        var enrolment = await db.TwoFactorEnrolments.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == user.Id && e.ConfirmedAt != null, cancellationToken);
        if (enrolment is null)
        {
            return StoreResult<TwoFactorStatus>.Conflict("code", TwoFactorMessages.NotOn);
        }

        // As at sign-in, the right password is forgiven only with the right code, so that a stolen
        // cookie and a known password cannot reset the count of guessed codes.
        if ((await Passwords.CheckAsync(user.NormalizedUserName, user, password, clientAddress, forgiveOnSuccess: false)).Outcome != SignInOutcome.Succeeded)
        {
            return Invalid<TwoFactorStatus>("password", TwoFactorMessages.WrongPassword);
        }

        var (outcome, usedRecoveryCode) = await new SecondFactorCheck(_gate, protector, time, logger).CheckAsync(db, user, enrolment, code, clientAddress, cancellationToken);
        if (outcome != SignInOutcome.Succeeded)
        {
            return Invalid<TwoFactorStatus>("code", TwoFactorMessages.WrongCode);
        }

        await _gate.ForgiveAsync(user.NormalizedUserName, clientAddress);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TwoFactorQueries.RemoveAsync(db, user.Id, cancellationToken);
        user.SecurityStamp = UserStore.NewSecurityStamp();
        Audit(db, user, AuditAction.DisableTwoFactor, new { usedRecoveryCode });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sessionChecks.Invalidate();
        return StoreResult<TwoFactorStatus>.Ok(new TwoFactorStatus(false, null, 0, Required: false));
    }

    private async Task<StoreResult<RecoveryCodeSet>> ConfirmAsync(ApplianceDbContext db, UserEntity user, string? code, CancellationToken cancellationToken)
    {
        var pending = await db.TwoFactorEnrolments.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == user.Id, cancellationToken);
        if (pending is null || pending.ConfirmedAt is not null)
        {
            return StoreResult<RecoveryCodeSet>.Conflict("code", pending is null ? TwoFactorMessages.NothingToConfirm : TwoFactorMessages.AlreadyOn);
        }

        if (TotpCodes.MatchingStep(protector.Unprotect(pending.ProtectedSecret), code, time.GetUtcNow()) is not { } step)
        {
            return Invalid<RecoveryCodeSet>("code", TwoFactorMessages.WrongSetupCode);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Only the secret that was shown, and only once: a second tab confirming at the same moment,
        // or a reset in between, finds nothing left to confirm.
        var now = time.GetUtcNow();
        var confirmed = await db.TwoFactorEnrolments
            .Where(e => e.UserId == user.Id && e.ConfirmedAt == null && e.ProtectedSecret == pending.ProtectedSecret)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ConfirmedAt, now).SetProperty(e => e.LastUsedStep, step), cancellationToken);
        if (confirmed != 1)
        {
            return StoreResult<RecoveryCodeSet>.Conflict("code", TwoFactorMessages.NothingToConfirm);
        }

        var codes = await TwoFactorQueries.ReplaceRecoveryCodesAsync(db, user.Id, cancellationToken);
        user.SecurityStamp = UserStore.NewSecurityStamp();
        Audit(db, user, AuditAction.EnableTwoFactor, new { recoveryCodes = codes.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sessionChecks.Invalidate();
        return StoreResult<RecoveryCodeSet>.Ok(new RecoveryCodeSet(codes));
    }

    private static Task<UserEntity?> FindUserAsync(ApplianceDbContext db, string userName, CancellationToken cancellationToken)
    {
        var normalized = UserNames.Normalize(userName);
        return db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }

    private static StoreResult<T> Invalid<T>(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return StoreResult<T>.Invalid(errors) with { Detail = message };
    }

    private void Audit(ApplianceDbContext db, UserEntity user, AuditAction action, object details) =>
        Auditing.AuditTrail.Add(db, time, user.UserName, action, AuditEntityType, user.UserName, before: null, after: details);
}
