namespace Appliance.Data.Model;

/// <summary>Roles of users and API tokens.</summary>
public static class ApplianceRoles
{
    /// <summary>Reads and changes everything.</summary>
    public const string Admin = "Admin";

    /// <summary>Reads everything, changes nothing.</summary>
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Viewer];

    /// <summary>Adds a message for <paramref name="field"/> unless <paramref name="role"/> is a known role.</summary>
    public static void Validate(string? role, Validation.ValidationErrors errors, string field = "role")
    {
        if (!All.Contains(role, StringComparer.Ordinal))
        {
            errors.Add(field, $"Unknown role '{role}'. Use one of: {string.Join(", ", All)}.");
        }
    }
}
