namespace Appliance.Data.TwoFactor;

/// <summary>New recovery codes, in clear this once: only their hashes are stored.</summary>
public sealed record RecoveryCodeSet(IReadOnlyList<string> Codes);
