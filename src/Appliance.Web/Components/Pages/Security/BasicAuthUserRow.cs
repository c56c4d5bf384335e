using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>
/// One basic-auth user of the access-list form. Passwords are write-only: a stored user is shown
/// without one, and saving with the password left empty keeps the stored hash (the store's rule for
/// a user sent without a password).
/// </summary>
public sealed class BasicAuthUserRow
{
    private BasicAuthUserSpec _stored = new();

    public string User { get; set; } = "";

    /// <summary>A new password; empty keeps the stored one.</summary>
    public string? Password { get; set; }

    /// <summary>True for a user the list already had: its name stays, its password may change.</summary>
    public bool IsStored { get; private init; }

    public static BasicAuthUserRow From(BasicAuthUserSpec user) => new() { _stored = user, User = user.User, IsStored = true };

    public BasicAuthUserSpec ToSpec() => _stored with { User = User, Password = string.IsNullOrEmpty(Password) ? null : Password };
}
