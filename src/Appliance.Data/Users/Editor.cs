using Appliance.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Users;

/// <summary>
/// Who changes users or API tokens: the name the audit trail records, and whether the store must
/// check them again. A signed-in user of the admin site is checked inside the write itself (they
/// must still exist and be an Admin), so that a page left open by someone since deleted or demoted
/// cannot add an Admin or a token. Anyone else was authorized by the caller for this very request:
/// an API token the request authenticated with, or the appliance itself (configuration, first run).
/// </summary>
public sealed record Editor
{
    private Editor(string name, bool isSignedInUser)
    {
        Name = name;
        IsSignedInUser = isSignedInUser;
    }

    /// <summary>The name the audit trail records.</summary>
    public string Name { get; }

    /// <summary>An admin-site user, checked in the store before their change is written.</summary>
    public bool IsSignedInUser { get; }

    /// <summary>The admin-site user <paramref name="userName"/>, who must still be an Admin when the change is written.</summary>
    public static Editor SignedIn(string userName) => new(userName, isSignedInUser: true);

    /// <summary>An actor the caller has authorized for this request: <c>token:ci</c>, <c>setup</c>.</summary>
    public static Editor Authorized(string name) => new(name, isSignedInUser: false);

    /// <summary>What a refused editor is told.</summary>
    internal const string Refusal = "You are no longer an Admin of this appliance; nothing was changed.";

    /// <summary>Whether the editor may change users and tokens, asked inside the write's transaction.</summary>
    internal async Task<bool> MayChangeAsync(ApplianceDbContext db, CancellationToken cancellationToken)
    {
        if (!IsSignedInUser)
        {
            return true;
        }

        var normalized = UserNames.Normalize(Name);
        return await db.Users.AnyAsync(u => u.NormalizedUserName == normalized && u.Role == ApplianceRoles.Admin, cancellationToken);
    }
}
