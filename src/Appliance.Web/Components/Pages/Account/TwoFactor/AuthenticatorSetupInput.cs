using System.ComponentModel.DataAnnotations;

namespace Appliance.Web.Components.Pages.Account.TwoFactor;

/// <summary>Confirms an authenticator being set up: the password again (when signed in) and its first code.</summary>
public sealed class AuthenticatorSetupInput
{
    [StringLength(256)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the code the app shows now.")]
    [StringLength(64)]
    public string Code { get; set; } = "";
}
