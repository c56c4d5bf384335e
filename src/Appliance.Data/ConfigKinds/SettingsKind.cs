using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Secrets;
using Appliance.Data.Store;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.ConfigKinds;

/// <summary>
/// A settings object of which the configuration has exactly one (the challenge's switch and allow
/// lists): no names, no list, one JSON row under <see cref="Member"/>. It goes through the same
/// write path as the kinds with many objects, so it is validated with the whole document, audited,
/// kept in the history and exported.
/// </summary>
internal abstract class SettingsKind<TSpec> : IConfigKind
    where TSpec : class, new()
{
    private static readonly IReadOnlySet<string> NoNames = new HashSet<string>();

    public abstract string Member { get; }

    /// <summary>Every settings object is audited as <c>settings</c>, named by its member.</summary>
    public string EntityType => "settings";

    /// <summary>What the object is called in messages: <c>challenge settings</c>.</summary>
    public abstract string Noun { get; }

    public Type SpecType => typeof(TSpec);

    /// <summary>The validators that check the object, each one aspect of it.</summary>
    public abstract IReadOnlyList<IConfigValidator<TSpec>> Validators { get; }

    /// <summary>The object in <paramref name="document"/>; null where a document left it out.</summary>
    public abstract TSpec? Get(ConfigDocument document);

    public abstract ConfigDocument With(ConfigDocument document, TSpec spec);

    /// <summary>The object tidied for storage (trimmed text, canonical ranges).</summary>
    public abstract TSpec Normalize(TSpec spec);

    // One object has its messages at the member itself: "challenge.allow[0]", never "challenge[0]".
    public string PathOf(int index) => Member;

    public IReadOnlySet<string> NamesIn(ConfigDocument document) => NoNames;

    public ConfigDocument Normalize(ConfigDocument document) => With(document, Normalize(Get(document) ?? new TSpec()));

    public ConfigDocument SealSecrets(ConfigDocument document, ConfigSecretProtector protector) => document;

    public ConfigDocument Prepare(ConfigDocument incoming, ConfigDocument stored, ValidationErrors errors) => incoming;

    public IEnumerable<ConfigObjectErrors> Validate(ConfigDocument document, ConfigValidationContext context)
    {
        var errors = new ValidationErrors();
        if (Get(document) is not { } spec)
        {
            errors.Add("", $"The {Noun} cannot be null.");
        }
        else
        {
            foreach (var validator in Validators)
            {
                validator.Validate(spec, context, errors);
            }
        }

        // Index 0, not -1: -1 means "the list is missing", which would hide every other kind's messages.
        return errors.IsEmpty ? [] : [new ConfigObjectErrors(this, 0, null, errors)];
    }

    public async Task<ConfigDocument> ReadIntoAsync(ApplianceDbContext db, ConfigDocument document, bool tracked, CancellationToken cancellationToken)
    {
        var rows = tracked ? db.Settings : db.Settings.AsNoTracking();
        var row = await rows.SingleOrDefaultAsync(s => s.Key == Member, cancellationToken);
        return With(document, row is null ? new TSpec() : ConfigJson.Deserialize<TSpec>(row.Json) ?? new TSpec());
    }

    // Written only when the change replaced the object: other changes carry the instance they read.
    public void WriteRows(ApplianceDbContext db, ConfigDocument before, ConfigDocument after)
    {
        var wanted = Get(after);
        if (wanted is null || ReferenceEquals(Get(before), wanted))
        {
            return;
        }

        var row = db.Settings.Local.SingleOrDefault(s => s.Key == Member);
        if (row is null)
        {
            row = new SettingEntity { Key = Member };
            db.Settings.Add(row);
        }

        row.Json = ConfigJson.Serialize(wanted);
    }

    // There is always exactly one: nothing to remove.
    public void RemoveRows(ApplianceDbContext db, ConfigDocument before, ConfigDocument after)
    {
    }
}
