using Appliance.Data.Tokens;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Users;

/// <summary>The create-a-token form's state: a new token with the API's defaults (a Viewer's); see <see cref="FormModel{TSpec}"/>.</summary>
public sealed class ApiTokenFormModel : FormModel<ApiTokenRequest>
{
    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    public string Role { get => Spec.Role; set => Spec = Spec with { Role = value }; }
}
