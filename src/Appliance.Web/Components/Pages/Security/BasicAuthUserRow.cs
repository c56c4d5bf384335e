using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>
/// One basic-auth user of the access-list form. Passwords are write-only: a stored user is shown
/// without one, and saving with the password left empty keeps the stored hash (the store's rule for
/// a user sent without a password).
/// </summary>
public sealed class BasicAuthUserRow : FormModel<BasicAuthUserSpec>
{
    public BasicAuthUserRow()
    {
    }

    /// <summary>A user the list already has; it arrives without a password, so none is sent back unless one is typed.</summary>
    public BasicAuthUserRow(BasicAuthUserSpec user)
        : base(user with { Password = null }) => IsStored = true;

    public string User { get => Spec.User; set => Spec = Spec with { User = value }; }

    /// <summary>A new password; empty keeps the stored one.</summary>
    public string? Password { get => Spec.Password; set => Spec = Spec with { Password = string.IsNullOrEmpty(value) ? null : value }; }

    /// <summary>True for a user the list already had: its name stays, its password may change.</summary>
    public bool IsStored { get; }
}
