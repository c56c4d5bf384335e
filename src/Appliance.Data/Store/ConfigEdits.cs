using Appliance.Data.ConfigKinds;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Store;

/// <summary>
/// The changes the store makes, as pure functions of the document read inside the transaction:
/// name conflicts, unknown names and references are answered from that document, so two writers
/// can never both pass a check the other invalidates.
/// </summary>
internal static class ConfigEdits
{
    /// <summary>Adds an object; 409 when its name is taken.</summary>
    public static ConfigEdit<TSpec> Create<TSpec>(ConfigKind<TSpec> kind, ConfigDocument before, TSpec incoming)
        where TSpec : class
    {
        var items = kind.Get(before) ?? [];
        var name = kind.NameOf(incoming);
        if (IndexOf(kind, items, name) >= 0)
        {
            return ConfigEdit<TSpec>.Refuse(StoreResult<TSpec>.NameTaken(kind.ANoun, name));
        }

        var errors = new ValidationErrors();
        var spec = kind.Prepare(incoming, stored: null, errors);
        var after = kind.With(before, [.. items, spec]);
        return ConfigEdit<TSpec>.Propose(after, new ChangedObject(kind, items.Count), errors, spec,
            new ConfigAudit(AuditAction.Create, kind.EntityType, name, Before: null, After: spec));
    }

    /// <summary>Replaces the object named <paramref name="name"/>; 404 when there is none, 400 when the new one has another name.</summary>
    public static ConfigEdit<TSpec> Update<TSpec>(ConfigKind<TSpec> kind, ConfigDocument before, string name, TSpec incoming)
        where TSpec : class
    {
        var items = kind.Get(before) ?? [];
        var index = IndexOf(kind, items, name);
        if (index < 0)
        {
            return ConfigEdit<TSpec>.Refuse(StoreResult<TSpec>.NotFound($"There is no {kind.Noun} named '{name}'."));
        }

        var errors = new ValidationErrors();
        var spec = kind.Prepare(incoming, items[index], errors);
        if (kind.NameOf(spec) != name)
        {
            errors.Add("name", $"The name cannot be changed (the URL names '{name}'); create a new {kind.ShortNoun} instead.");
        }

        var replaced = items.ToArray();
        replaced[index] = spec;
        return ConfigEdit<TSpec>.Propose(kind.With(before, replaced), new ChangedObject(kind, index), errors, spec,
            new ConfigAudit(AuditAction.Update, kind.EntityType, name, Before: items[index], After: spec));
    }

    /// <summary>Removes the object named <paramref name="name"/>; 404 when there is none, 409 while another object refers to it.</summary>
    public static ConfigEdit<TSpec> Delete<TSpec>(ConfigKind<TSpec> kind, ConfigDocument before, string name)
        where TSpec : class
    {
        var items = kind.Get(before) ?? [];
        var index = IndexOf(kind, items, name);
        if (index < 0)
        {
            return ConfigEdit<TSpec>.Refuse(StoreResult<TSpec>.NotFound($"There is no {kind.Noun} named '{name}'."));
        }

        if (kind.ReferencedBy(before, name) is { } conflict)
        {
            return ConfigEdit<TSpec>.Refuse(StoreResult<TSpec>.Conflict("name", conflict));
        }

        var removed = items.Where((_, i) => i != index).ToArray();
        return ConfigEdit<TSpec>.Propose(kind.With(before, removed), new ChangedObject(kind, -1), new ValidationErrors(), items[index],
            new ConfigAudit(AuditAction.Delete, kind.EntityType, name, Before: items[index], After: null));
    }

    /// <summary>Replaces a settings object, of which there is always exactly one.</summary>
    public static ConfigEdit<TSpec> Replace<TSpec>(SettingsKind<TSpec> kind, ConfigDocument before, TSpec incoming)
        where TSpec : class, new() =>
        ConfigEdit<TSpec>.Propose(kind.With(before, incoming), new ChangedObject(kind, 0), new ValidationErrors(), incoming,
            new ConfigAudit(AuditAction.Update, kind.EntityType, kind.Member, Before: kind.Get(before), After: incoming));

    /// <summary>Replaces the whole configuration with <paramref name="incoming"/> (normalised), every kind prepared against what is stored.</summary>
    public static ConfigEdit<ConfigDocument> Import(ConfigDocument before, ConfigDocument incoming)
    {
        var errors = new ValidationErrors();
        var after = Kinds.All.Aggregate(incoming, (document, kind) => kind.Prepare(document, before, errors));
        return ConfigEdit<ConfigDocument>.Propose(after, changed: null, errors, after,
            new ConfigAudit(AuditAction.Import, "config", "all", before, after));
    }

    private static int IndexOf<TSpec>(ConfigKind<TSpec> kind, IReadOnlyList<TSpec> items, string name)
        where TSpec : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (kind.NameOf(items[i]) == name)
            {
                return i;
            }
        }

        return -1;
    }
}
