using System.ComponentModel.DataAnnotations;

namespace Appliance.Web.Components.Pages.Account.TwoFactor;

/// <summary>A form that asks only for the password again: new recovery codes.</summary>
public sealed class PasswordInput
{
    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(256)]
    public string Password { get; set; } = "";
}
