namespace Appliance.Data.Tokens;

/// <summary>A stored API token as it may be listed: everything but the secret, which is never kept.</summary>
public sealed record ApiTokenInfo(int Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
