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

    // Every sign-in cookie carries the stamp it was issued with; replacing it (password or role
    // change, "end sessions") makes every cookie issued before refused at its next request.
    public string SecurityStamp { get; set; } = "";

    // The networks of the last few successful sign-ins, most recent first (RecentSignInAddresses):
    // the owner's usual places, exempt from the slow-down that guesses from many addresses bring.
    public List<string> RecentSignInAddresses { get; set; } = [];

    // The admin site's theme the user chose; System (the browser's preference) until they choose.
    public Users.Preferences.ThemePreference ThemePreference { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
