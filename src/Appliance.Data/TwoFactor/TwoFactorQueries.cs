using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.TwoFactor;

/// <summary>The questions about two-factor that sign-in and the stores ask inside their own unit of work.</summary>
internal static class TwoFactorQueries
{
    /// <summary>Whether the user has a confirmed authenticator.</summary>
    public static Task<bool> IsEnrolledAsync(ApplianceDbContext db, int userId, CancellationToken cancellationToken) =>
        db.TwoFactorEnrolments.AnyAsync(e => e.UserId == userId && e.ConfirmedAt != null, cancellationToken);

    /// <summary>Whether an Admin requires two-factor of everyone.</summary>
    public static Task<bool> IsRequiredAsync(ApplianceDbContext db, CancellationToken cancellationToken) =>
        db.SignInPolicy.AnyAsync(p => p.Id == SignInPolicyEntity.SingletonId && p.RequireTwoFactor, cancellationToken);

    /// <summary>Replaces the user's recovery codes with new ones, returned in clear; saved with the caller's changes.</summary>
    public static async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(ApplianceDbContext db, int userId, CancellationToken cancellationToken)
    {
        await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var codes = RecoveryCodes.Generate();
        db.RecoveryCodes.AddRange(codes.Select(code => new RecoveryCodeEntity { UserId = userId, Hash = RecoveryCodes.Hash(code) }));
        return codes;
    }

    /// <summary>Removes the user's authenticator (confirmed or being set up) and recovery codes.</summary>
    public static async Task RemoveAsync(ApplianceDbContext db, int userId, CancellationToken cancellationToken)
    {
        await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.TwoFactorEnrolments.Where(e => e.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
