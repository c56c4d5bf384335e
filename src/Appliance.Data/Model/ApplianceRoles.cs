namespace Appliance.Data.Model;

/// <summary>Roles of users and API tokens.</summary>
public static class ApplianceRoles
{
    /// <summary>Reads and changes everything.</summary>
    public const string Admin = "Admin";

    /// <summary>Reads everything, changes nothing.</summary>
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Viewer];
}
