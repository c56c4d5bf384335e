using System.Net;
using System.Security.Cryptography;
using Appliance.Data.Entities;
using Appliance.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Appliance.Data.TwoFactor;

/// <summary>
/// Checks the second factor a user gives, a code from their authenticator or one of their recovery
/// codes, through the <see cref="SignInGate"/>: a wrong code counts toward the lockout of the name
/// and address exactly as a wrong password does. A right one is spent in the database with a
/// conditional write, so that of two requests racing with one code only one gets in, on any node:
/// a code's time step must be later than the last one accepted, and a recovery code's row must
/// still be there to delete.
/// </summary>
internal sealed partial class SecondFactorCheck(SignInGate gate, TwoFactorSecretProtector protector, TimeProvider time, ILogger logger)
{
    /// <summary>Succeeded, Failed, or LockedOut (refused unchecked, or this failure locked the address); and whether a recovery code was spent.</summary>
    public async Task<(SignInOutcome Outcome, bool UsedRecoveryCode)> CheckAsync(
        ApplianceDbContext db, UserEntity user, TwoFactorEnrolmentEntity enrolment, string? code, IPAddress? clientAddress, CancellationToken cancellationToken)
    {
        var gated = await gate.BeginAsync(user.NormalizedUserName, ThrottledPasswordCheck.IsKnownAddress(user, clientAddress), clientAddress);
        if (!gated.Allowed)
        {
            return (SignInOutcome.LockedOut, false);
        }

        var spent = await SpendAsync(db, user, enrolment, code, cancellationToken);
        if (spent is null)
        {
            return (await gate.FailAsync(gated), false);
        }

        await gate.SucceedAsync(gated);
        return (SignInOutcome.Succeeded, spent == Spent.RecoveryCode);
    }

    private async Task<Spent?> SpendAsync(ApplianceDbContext db, UserEntity user, TwoFactorEnrolmentEntity enrolment, string? code, CancellationToken cancellationToken)
    {
        if (TotpCodes.IsCodeShaped(code))
        {
            if (MatchingStep(user, enrolment, code) is not { } step)
            {
                return null;
            }

            var accepted = await db.TwoFactorEnrolments
                .Where(e => e.UserId == enrolment.UserId && e.ConfirmedAt != null && e.LastUsedStep < step)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastUsedStep, step), cancellationToken);
            return accepted == 1 ? Spent.Code : null;
        }

        if (RecoveryCodes.IsCodeShaped(code))
        {
            var stored = await db.RecoveryCodes.AsNoTracking().Where(c => c.UserId == enrolment.UserId).ToListAsync(cancellationToken);

            // Every stored code is compared, so the time taken does not tell which one matched.
            var matches = stored.Where(c => RecoveryCodes.Matches(c.Hash, code!)).ToList();
            if (matches.Count == 0)
            {
                return null;
            }

            var deleted = await db.RecoveryCodes.Where(c => c.Id == matches[0].Id).ExecuteDeleteAsync(cancellationToken);
            return deleted == 1 ? Spent.RecoveryCode : null;
        }

        return null;
    }

    private long? MatchingStep(UserEntity user, TwoFactorEnrolmentEntity enrolment, string? code)
    {
        try
        {
            return TotpCodes.MatchingStep(protector.Unprotect(enrolment.ProtectedSecret), code, time.GetUtcNow());
        }
        catch (CryptographicException)
        {
            // A key ring replaced without its old keys: no code can match, but recovery codes
            // (hashes, not encrypted) still work, and an Admin can reset the authenticator.
            LogUnreadableSecret(user.UserName);
            return null;
        }
    }

    private enum Spent
    {
        Code,
        RecoveryCode,
    }

    [LoggerMessage(EventId = 1110, Level = LogLevel.Error, Message = "The two-factor secret of '{UserName}' cannot be decrypted with this key ring: the user can sign in with a recovery code, or an Admin can reset their two-factor sign-in.")]
    private partial void LogUnreadableSecret(string userName);
}
