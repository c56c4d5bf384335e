namespace Appliance.Data.Users;

/// <summary>What an Admin (or the first-run setup) gives to create a user.</summary>
public sealed record NewUser
{
    public string UserName { get; init; } = "";
    public string Password { get; init; } = "";
    public string Role { get; init; } = Model.ApplianceRoles.Viewer;
}
