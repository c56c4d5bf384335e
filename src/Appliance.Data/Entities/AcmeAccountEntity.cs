namespace Appliance.Data.Entities;

internal sealed class AcmeAccountEntity
{
    public int Id { get; set; }
    public string DirectoryUrl { get; set; } = "";
    public string? Email { get; set; }
    public string AccountUrl { get; set; } = "";

    /// <summary>The account's ES256 key, PKCS#8 PEM, encrypted with Data Protection.</summary>
    public string ProtectedKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
