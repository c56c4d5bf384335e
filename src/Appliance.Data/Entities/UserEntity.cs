namespace Appliance.Data.Entities;

internal sealed class UserEntity
{
    public int Id { get; set; }
    public string UserName { get; set; } = "";

    // Upper-case invariant form: user names are unique whatever their case.
    public string NormalizedUserName { get; set; } = "";

    // ASP.NET Core Identity's PasswordHasher format (PBKDF2 with a per-password salt).
    public string PasswordHash { get; set; } = "";
    public string Role { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
