namespace Appliance.Data.Backup;

/// <summary>What a backup held or a restore replaced, by name, as the audit trail and the API show it: no secret, no hash.</summary>
public sealed record BackupSummary(
    DateTimeOffset CreatedAt,
    long Revision,
    int Pools,
    int Routes,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Tokens,
    IReadOnlyList<string> Certificates,
    IReadOnlyList<string> AcmeAccounts)
{
    public static BackupSummary Of(BackupPayload payload) => new(
        payload.CreatedAt,
        payload.Revision,
        payload.Configuration.Pools.Count,
        payload.Configuration.Routes.Count,
        [.. payload.Users.Select(u => u.UserName)],
        [.. payload.Tokens.Where(t => t.RevokedAt is null).Select(t => t.Name)],
        [.. payload.Certificates.Select(c => c.Name)],
        [.. payload.AcmeAccounts.Select(a => a.DirectoryUrl)]);
}
