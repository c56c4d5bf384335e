using Appliance.Data.Entities;
using Appliance.Data.Store;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Users.Preferences;

/// <summary>
/// A user's own preferences (the admin site's theme), kept with the user so that every browser they
/// sign in from shows the same. Each change is made by the user for themselves and audited as their
/// password change is: an <c>Update</c> of the <c>user</c> by that user, with the preferences before
/// and after. Saving what is already stored changes and audits nothing.
/// </summary>
public sealed class UserPreferencesStore(IDbContextFactory<ApplianceDbContext> contexts, TimeProvider time)
{
    private const string UserEntityType = "user";

    /// <summary>The preferences of the user with this name (whatever its case), or null when there is no such user.</summary>
    public async Task<UserPreferences?> GetAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = UserNames.Normalize(userName);
        var theme = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName == normalized)
            .Select(u => (ThemePreference?)u.ThemePreference)
            .SingleOrDefaultAsync(cancellationToken);
        return theme is { } chosen ? new UserPreferences { Theme = chosen } : null;
    }

    /// <summary>Stores <paramref name="preferences"/> for the user with this name; 404 when there is none, 400 for a theme that does not exist.</summary>
    public async Task<StoreResult<UserPreferences>> SetAsync(string userName, UserPreferences preferences, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(preferences.Theme))
        {
            var errors = new ValidationErrors();
            errors.Add("theme", $"Choose one of {string.Join(", ", Enum.GetNames<ThemePreference>())}.");
            return StoreResult<UserPreferences>.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = UserNames.Normalize(userName);
        var entity = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (entity is null)
        {
            return StoreResult<UserPreferences>.NotFound($"There is no user named '{userName}'.");
        }

        var before = new UserPreferences { Theme = entity.ThemePreference };
        if (before == preferences)
        {
            return StoreResult<UserPreferences>.Ok(before);
        }

        entity.ThemePreference = preferences.Theme;
        Auditing.AuditTrail.Add(db, time, entity.UserName, AuditAction.Update, UserEntityType, entity.UserName, before, preferences);
        await db.SaveChangesAsync(cancellationToken);
        return StoreResult<UserPreferences>.Ok(preferences);
    }
}
