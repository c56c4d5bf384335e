namespace Appliance.Web.Api;

/// <summary>The body of <c>POST /api/v1/backup</c>: the passphrase the backup is sealed under (12 characters or more).</summary>
public sealed record BackupRequest(string? Passphrase);
