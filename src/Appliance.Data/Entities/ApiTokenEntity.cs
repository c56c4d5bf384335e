namespace Appliance.Data.Entities;

internal sealed class ApiTokenEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    // SHA-256 of the token, hex: the token itself is shown once and never stored.
    public string TokenHash { get; set; } = "";
    public string Role { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
