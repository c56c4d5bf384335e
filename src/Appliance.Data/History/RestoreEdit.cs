using Appliance.Data.ConfigKinds;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Validation;

namespace Appliance.Data.History;

/// <summary>
/// A restore as a change of the write path: the kept document replaces the current one, exactly as
/// an import would, except that each kind prepares it against the kept document itself rather than
/// against today's, so a basic-auth user deleted since comes back with the password it had then.
/// </summary>
internal static class RestoreEdit
{
    public static ConfigEdit<ConfigDocument> Propose(ConfigDocument before, ConfigDocument kept, long number)
    {
        // Today's normalisation, since today's validation judges the result.
        var incoming = ConfigNormalizer.Normalize(kept);
        var errors = new ValidationErrors();
        var after = Kinds.All.Aggregate(incoming, (document, kind) => kind.Prepare(document, incoming, errors));
        return ConfigEdit<ConfigDocument>.Propose(after, changed: null, errors, after,
            new ConfigAudit(AuditAction.Restore, "config", $"revision {number}", before, after));
    }
}
