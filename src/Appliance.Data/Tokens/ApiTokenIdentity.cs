namespace Appliance.Data.Tokens;

/// <summary>Who a valid API token belongs to.</summary>
public sealed record ApiTokenIdentity(string Name, string Role);
