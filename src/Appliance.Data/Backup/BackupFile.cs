namespace Appliance.Data.Backup;

/// <summary>A sealed backup and the name it is offered under.</summary>
public sealed record BackupFile(string FileName, byte[] Content);
