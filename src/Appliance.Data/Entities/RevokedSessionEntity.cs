namespace Appliance.Data.Entities;

// A sign-in session ended by signing out. Cookies are not stored on the server, so a copy of a
// signed-out cookie stays valid until it expires unless its session id is remembered here; the
// row is kept exactly that long.
internal sealed class RevokedSessionEntity
{
    public string Id { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
