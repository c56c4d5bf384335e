namespace Appliance.Data.Backup;

/// <summary>A backup file that does not open: a wrong passphrase, damage, or a format this version does not read.</summary>
public sealed class BackupUnreadableException(string message) : Exception(message);
