namespace Appliance.Data.Tokens;

/// <summary>A token just created: the only time its secret <see cref="Token"/> is ever returned.</summary>
public sealed record CreatedApiToken(int Id, string Name, string Role, DateTimeOffset CreatedAt, string Token);
