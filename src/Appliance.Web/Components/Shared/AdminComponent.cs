using Appliance.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Appliance.Web.Components.Shared;

/// <summary>
/// A page or form that acts for the signed-in user. <see cref="CanEdit"/> and <see cref="Actor"/>
/// are read when the component starts (a derived <c>OnInitializedAsync</c> awaits this one first)
/// and only decide what is shown; every handler that changes something asks <see cref="EditorAsync"/>
/// for its actor at the moment it acts.
/// </summary>
public abstract class AdminComponent : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private AdminSessions Sessions { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Admins see the controls that change configuration; Viewers see the same pages read-only.</summary>
    protected bool CanEdit { get; private set; }

    /// <summary>The signed-in user as the page was opened, for display.</summary>
    protected string Actor { get; private set; } = "";

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        CanEdit = AdminUser.CanEdit(user);
        Actor = AdminUser.ActorOf(user);
    }

    /// <summary>
    /// The signed-in user's audit name if they may change things now, or null. The session is checked
    /// against the store (one read), not the circuit's copy, which can be a minute old: a user deleted,
    /// demoted or signed out since the page opened is treated as signed out, and sent to sign in.
    /// Buttons that change things are hidden from Viewers; asking here keeps a crafted circuit message
    /// from saving anyway.
    /// </summary>
    protected async Task<string?> EditorAsync()
    {
        var user = (await AuthenticationState).User;
        if (await Sessions.ValidateNowAsync(user) is null)
        {
            Navigation.NavigateTo("/login", forceLoad: true);
            return null;
        }

        return AdminUser.CanEdit(user) ? AdminUser.ActorOf(user) : null;
    }
}
