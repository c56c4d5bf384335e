using Appliance.Data.Users;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Users;

/// <summary>The add-a-user form's state: a new user with the API's defaults (a Viewer); see <see cref="FormModel{TSpec}"/>.</summary>
public sealed class NewUserFormModel : FormModel<NewUser>
{
    public string UserName { get => Spec.UserName; set => Spec = Spec with { UserName = value }; }

    public string Password { get => Spec.Password; set => Spec = Spec with { Password = value }; }

    public string Role { get => Spec.Role; set => Spec = Spec with { Role = value }; }
}
