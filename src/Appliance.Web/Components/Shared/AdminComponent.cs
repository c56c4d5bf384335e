using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Appliance.Web.Components.Shared;

/// <summary>
/// A page or form that acts for the signed-in user. <see cref="CanEdit"/> and <see cref="Actor"/>
/// are read when the component starts (a derived <c>OnInitializedAsync</c> awaits this one first);
/// a form that checks at the moment it saves asks <see cref="EditorAsync"/> instead.
/// </summary>
public abstract class AdminComponent : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Admins change configuration; Viewers see the same pages read-only.</summary>
    protected bool CanEdit { get; private set; }

    /// <summary>The signed-in user as the audit trail records them.</summary>
    protected string Actor { get; private set; } = "";

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        CanEdit = AdminUser.CanEdit(user);
        Actor = AdminUser.ActorOf(user);
    }

    /// <summary>
    /// The signed-in user's audit name if they may change things, or null. Buttons that change things
    /// are hidden from Viewers; asking again on save keeps a crafted circuit message from saving anyway.
    /// </summary>
    protected async Task<string?> EditorAsync()
    {
        var user = (await AuthenticationState).User;
        return AdminUser.CanEdit(user) ? AdminUser.ActorOf(user) : null;
    }
}
