using System.ComponentModel.DataAnnotations;

namespace Appliance.Web.Components.Pages.Account;

/// <summary>The first-run form: the setup code and the first administrator.</summary>
public sealed class SetupInput
{
    [Required(ErrorMessage = "Enter the setup code from the appliance's log or data/setup-code.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Choose a user name.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}
