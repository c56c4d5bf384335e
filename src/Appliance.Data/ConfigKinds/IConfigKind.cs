using Appliance.Data.Model;
using Appliance.Data.Secrets;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds;

/// <summary>
/// One kind of configuration object as the document-wide steps of the write path see it: without
/// its spec type, so that reading, normalising, validating and saving a whole document is a loop
/// over <see cref="Kinds.All"/>.
/// </summary>
internal interface IConfigKind
{
    /// <summary>The kind's member in <see cref="ConfigDocument"/> as JSON names it (<c>pools</c>); an import's field paths start with it.</summary>
    string Member { get; }

    /// <summary>The entity type the audit trail records (<c>pool</c>).</summary>
    string EntityType { get; }

    /// <summary>The names of the kind's objects in <paramref name="document"/>, for references from other kinds.</summary>
    IReadOnlySet<string> NamesIn(ConfigDocument document);

    /// <summary>Where the object at <paramref name="index"/> is in the document (<c>pools[2]</c>), or the list itself at -1 (<c>pools</c>).</summary>
    string PathOf(int index) => index < 0 ? Member : $"{Member}[{index}]";

    /// <summary>The spec type whose names <see cref="NamesIn"/> gives.</summary>
    Type SpecType { get; }

    /// <summary>The document with this kind's objects normalised (and a missing optional list made empty).</summary>
    ConfigDocument Normalize(ConfigDocument document);

    /// <summary>The document with this kind's new secrets hashed or encrypted, before the write lock is taken.</summary>
    ConfigDocument SealSecrets(ConfigDocument document, ConfigSecretProtector protector);

    /// <summary>The document with this kind's objects prepared for storage against the stored ones of the same name (an import's passwords).</summary>
    ConfigDocument Prepare(ConfigDocument incoming, ConfigDocument stored, ValidationErrors errors);

    /// <summary>Every object of this kind in <paramref name="document"/> that has something wrong, with its messages.</summary>
    IEnumerable<ConfigObjectErrors> Validate(ConfigDocument document, ConfigValidationContext context);

    /// <summary><paramref name="document"/> with this kind's objects read from the database, in name order.</summary>
    Task<ConfigDocument> ReadIntoAsync(ApplianceDbContext db, ConfigDocument document, bool tracked, CancellationToken cancellationToken);

    /// <summary>
    /// Adds and updates this kind's rows (read, tracked, with <paramref name="before"/>) for the
    /// objects <paramref name="after"/> adds or changes; the caller saves.
    /// </summary>
    void WriteRows(ApplianceDbContext db, ConfigDocument before, ConfigDocument after);

    /// <summary>Removes this kind's rows for the objects <paramref name="after"/> no longer has.</summary>
    void RemoveRows(ApplianceDbContext db, ConfigDocument before, ConfigDocument after);
}
