using Appliance.Data.Backup;

namespace Appliance.Web.Api;

/// <summary>
/// What a restore did: the backup's contents by name, and whether the caller must authenticate
/// again (their token is neither the bootstrap token nor one the backup holds).
/// </summary>
public sealed record RestoreResponse(BackupSummary Restored, bool SignInAgain, string Message);
