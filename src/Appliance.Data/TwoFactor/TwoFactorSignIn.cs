using System.Net;
using System.Security.Cryptography;
using System.Text;
using Appliance.Data.Counters;
using Appliance.Data.Entities;
using Appliance.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Appliance.Data.TwoFactor;

/// <summary>
/// The second step of signing in: after <see cref="UserStore.SignInAsync"/> answered
/// SecondFactorNeeded, a code from the user's authenticator or one of their recovery codes. Wrong
/// codes count toward the lockout of the name and address exactly as wrong passwords do; a right
/// one forgives the password's attempt too, records the address as one of the user's usual places,
/// and, when it was a recovery code, is audited.
/// </summary>
public sealed class TwoFactorSignIn(
    IDbContextFactory<ApplianceDbContext> contexts,
    TimeProvider time,
    SignInThrottle throttle,
    SharedCounters sharedCounters,
    TwoFactorSecretProtector protector,
    ILogger<TwoFactorSignIn> logger)
{
    private readonly SignInGate _gate = new(throttle, new SharedSignInFailures(sharedCounters));

    /// <summary>
    /// Checks <paramref name="code"/> for the user whose password was right when their security stamp
    /// was <paramref name="securityStamp"/>. Null when that sign-in can no longer finish: the user is
    /// gone, their stamp changed (a new password, ended sessions, a reset) or their two-factor is off.
    /// </summary>
    public async Task<SignInResult?> VerifyAsync(string userName, string securityStamp, string? code, IPAddress? clientAddress, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = UserNames.Normalize(userName);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (user is null || !SameStamp(user.SecurityStamp, securityStamp))
        {
            return null;
        }

        var enrolment = await db.TwoFactorEnrolments.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == user.Id && e.ConfirmedAt != null, cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var check = new SecondFactorCheck(_gate, protector, time, logger);
        var (outcome, usedRecoveryCode) = await check.CheckAsync(db, user, enrolment, code, clientAddress, cancellationToken);
        if (outcome != SignInOutcome.Succeeded)
        {
            return new SignInResult(outcome);
        }

        // The password's attempt was left counted until now (ThrottledPasswordCheck).
        await _gate.ForgiveAsync(normalized, clientAddress);
        user.RecentSignInAddresses = RecentSignInAddresses.With(user.RecentSignInAddresses, clientAddress);
        if (usedRecoveryCode)
        {
            var left = await db.RecoveryCodes.CountAsync(c => c.UserId == user.Id, cancellationToken);
            Auditing.AuditTrail.Add(db, time, user.UserName, AuditAction.UseRecoveryCode, TwoFactorStore.AuditEntityType, user.UserName, before: null, after: new { recoveryCodesLeft = left });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SignInResult(SignInOutcome.Succeeded, UserStore.ToSessionUser(user));
    }

    internal static bool SameStamp(string stored, string presented) =>
        stored.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(presented));
}
