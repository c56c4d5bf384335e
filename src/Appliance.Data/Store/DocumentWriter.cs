using Appliance.Data.Auditing;
using Appliance.Data.ConfigKinds;
using Appliance.Data.Model;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Store;

/// <summary>
/// The one write path, inside the store's transaction: read the configuration document, apply the
/// change, validate the whole result, sync the rows and add the audit entry. The caller saves,
/// bumps the revision and signals.
/// </summary>
internal static class DocumentWriter
{
    public static async Task<StoreResult<T>> WriteAsync<T>(
        ApplianceDbContext db, TimeProvider time, string actor, Func<ConfigDocument, ConfigEdit<T>> change, IReservedPorts reservedPorts, ICountryRules countryRules, CancellationToken cancellationToken)
    {
        var before = await ConfigDocumentReader.ReadAsync(db, tracked: true, cancellationToken);
        var edit = change(before);
        if (edit.Refusal is { } refusal)
        {
            return refusal;
        }

        // Certificates are not part of the document, but routes name them.
        var certificates = (await db.Certificates.Select(c => c.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        // Streams may not take a port the appliance listens on itself.
        var ports = reservedPorts.Read();
        // Access lists may name countries only while a country database is there to look them up.
        var countries = countryRules.Refusal();
        var errors = edit.Changed is { } changed
            ? DocumentValidator.ValidateChange(before, edit.After, changed, certificates, ports, countries)
            : DocumentValidator.ValidateDocument(edit.After, certificates, ports, countries);
        errors.AddAll(edit.Errors);
        if (!errors.IsEmpty)
        {
            return StoreResult<T>.Invalid(errors);
        }

        // Rows are written in dependency order, so that a route's targets find the pools added with
        // it, and removed in the reverse, so that a route goes before the pool it targeted: the
        // database refuses to delete a pool a target still points at.
        foreach (var kind in Kinds.All)
        {
            kind.WriteRows(db, before, edit.After);
        }

        // Targets a route no longer has must be seen as deleted before their pool is removed.
        db.ChangeTracker.DetectChanges();
        foreach (var kind in Kinds.All.Reverse())
        {
            kind.RemoveRows(db, before, edit.After);
        }

        var audit = edit.Audit;
        AuditTrail.Add(db, time, actor, audit.Action, audit.EntityType, audit.EntityName, audit.Before, audit.After);
        return StoreResult<T>.Ok(edit.Value);
    }
}
