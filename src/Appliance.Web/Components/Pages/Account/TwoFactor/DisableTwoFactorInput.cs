using System.ComponentModel.DataAnnotations;

namespace Appliance.Web.Components.Pages.Account.TwoFactor;

/// <summary>Turning two-factor off: the password again and a current code (or a recovery code).</summary>
public sealed class DisableTwoFactorInput
{
    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(256)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the code your authenticator shows, or a recovery code.")]
    [StringLength(64)]
    public string Code { get; set; } = "";
}
