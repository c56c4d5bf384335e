using System.ComponentModel.DataAnnotations;

namespace Appliance.Web.Components.Pages.Account.TwoFactor;

/// <summary>The second step of sign-in: a code from the authenticator, or a recovery code.</summary>
public sealed class SignInCodeInput
{
    [Required(ErrorMessage = "Enter the code your authenticator shows, or a recovery code.")]
    [StringLength(64)]
    public string Code { get; set; } = "";
}
