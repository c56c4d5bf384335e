namespace Appliance.Data.Tokens;

/// <summary>What an operator asks for when creating an API token.</summary>
public sealed record ApiTokenRequest
{
    /// <summary>What the token is for, e.g. "ci-deploy"; shown in the audit trail as <c>token:name</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary><c>Admin</c> or <c>Viewer</c>.</summary>
    public string Role { get; init; } = Model.ApplianceRoles.Viewer;
}
