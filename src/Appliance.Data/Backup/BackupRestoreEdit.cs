using Appliance.Data.ConfigKinds;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Validation;

namespace Appliance.Data.Backup;

/// <summary>
/// A backup's configuration as a change of the write path: it replaces the current document as an
/// import does, each kind prepared against the backup's own document (so basic-auth users keep the
/// hashes the backup carries), validated whole by today's rules, audited as a restore.
/// </summary>
internal static class BackupRestoreEdit
{
    public static ConfigEdit<ConfigDocument> Propose(ConfigDocument before, ConfigDocument backup, string backupName)
    {
        var incoming = ConfigNormalizer.Normalize(backup);
        var errors = new ValidationErrors();
        var after = Kinds.All.Aggregate(incoming, (document, kind) => kind.Prepare(document, incoming, errors));
        return ConfigEdit<ConfigDocument>.Propose(after, changed: null, errors, after,
            new ConfigAudit(AuditAction.Restore, "config", backupName, before, after));
    }
}
