using Appliance.Data.Model;
using Appliance.Data.Secrets;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds;

/// <summary>
/// What the write path needs to know about one kind of configuration object, on the spec side: its
/// place in the document, its name, how it is normalised, prepared and validated, what one is called
/// in messages, and who refers to one. <see cref="EntityConfigKind{TSpec, TEntity}"/> adds the rows.
/// </summary>
internal abstract class ConfigKind<TSpec> : IConfigKind
    where TSpec : class
{
    public abstract string Member { get; }

    public abstract string EntityType { get; }

    /// <summary>What one object is called in messages, in lower case: <c>access list</c>.</summary>
    public abstract string Noun { get; }

    /// <summary>The noun of "create a new … instead": <c>rule</c> rather than <c>cache rule</c>.</summary>
    public virtual string ShortNoun => Noun;

    /// <summary>
    /// The message when a document leaves the kind's list out, for kinds whose absence must not be
    /// read as "none" (an import without pools would delete them all); null makes a missing list empty.
    /// </summary>
    public virtual string? MissingListMessage => null;

    /// <summary>The validators that check one object, each one aspect of it.</summary>
    public abstract IReadOnlyList<IConfigValidator<TSpec>> Validators { get; }

    public Type SpecType => typeof(TSpec);

    /// <summary>"A pool", "An access list": how a sentence about one object starts.</summary>
    public string ANoun => ("aeiou".Contains(Noun[0], StringComparison.Ordinal) ? "An " : "A ") + Noun;

    public abstract IReadOnlyList<TSpec>? Get(ConfigDocument document);

    public abstract ConfigDocument With(ConfigDocument document, IReadOnlyList<TSpec> items);

    public abstract string NameOf(TSpec spec);

    public abstract TSpec WithName(TSpec spec, string name);

    public abstract TSpec Normalize(TSpec spec);

    /// <summary>
    /// Work on an incoming object's secrets that needs nothing stored (hashing new passwords,
    /// encrypting new channel secrets with <paramref name="protector"/>), done before the store takes
    /// its write lock, so that the lock is held for milliseconds, not for the hashing.
    /// </summary>
    public virtual TSpec SealSecrets(TSpec incoming, ConfigSecretProtector protector) => incoming;

    /// <summary>Turns an incoming object into the one to store, given the stored one of the same name; messages are relative to the object.</summary>
    public virtual TSpec Prepare(TSpec incoming, TSpec? stored, ValidationErrors errors) => incoming;

    /// <summary>The 409 message when the object named <paramref name="name"/> cannot be deleted because others refer to it; null when nothing does.</summary>
    public virtual string? ReferencedBy(ConfigDocument document, string name) => null;

    /// <summary>Names for a message: <c>'a', 'b'</c>.</summary>
    protected static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    /// <summary>
    /// Checks <paramref name="spec"/> against the other objects of its kind (<paramref name="items"/>,
    /// itself at <paramref name="index"/>), for rules that hold between objects rather than within
    /// one, besides unique names; messages are relative to the object.
    /// </summary>
    protected virtual void ValidateAmong(TSpec spec, IReadOnlyList<TSpec> items, int index, ValidationErrors errors)
    {
    }

    /// <summary>Runs every validator of the kind on one object.</summary>
    public void ValidateOne(TSpec spec, ConfigValidationContext context, ValidationErrors errors)
    {
        foreach (var validator in Validators)
        {
            validator.Validate(spec, context, errors);
        }
    }

    public IReadOnlySet<string> NamesIn(ConfigDocument document) =>
        (Get(document) ?? []).Where(s => s is not null).Select(NameOf).Where(n => !string.IsNullOrEmpty(n)).ToHashSet(StringComparer.Ordinal);

    public ConfigDocument Normalize(ConfigDocument document) => Get(document) switch
    {
        null when MissingListMessage is null => With(document, []),
        null => document,
        var items => With(document, items.Select(s => s is null ? null! : Normalize(s)).ToArray()),
    };

    public ConfigDocument SealSecrets(ConfigDocument document, ConfigSecretProtector protector) =>
        Get(document) is { } items ? With(document, items.Select(s => s is null ? null! : SealSecrets(s, protector)).ToArray()) : document;

    public ConfigDocument Prepare(ConfigDocument incoming, ConfigDocument stored, ValidationErrors errors)
    {
        if (Get(incoming) is not { } items)
        {
            return incoming;
        }

        var storedByName = (Get(stored) ?? []).ToDictionary(NameOf, StringComparer.Ordinal);
        var prepared = new TSpec[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var objectErrors = new ValidationErrors();
            prepared[i] = items[i] is null ? null! : Prepare(items[i], storedByName.GetValueOrDefault(NameOf(items[i])), objectErrors);
            errors.AddAll(objectErrors, $"{Member}[{i}]");
        }

        return With(incoming, prepared);
    }

    public IEnumerable<ConfigObjectErrors> Validate(ConfigDocument document, ConfigValidationContext context)
    {
        if (Get(document) is not { } items)
        {
            if (MissingListMessage is { } message)
            {
                var errors = new ValidationErrors();
                errors.Add("", message);
                yield return new ConfigObjectErrors(this, -1, null, errors);
            }

            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var errors = new ValidationErrors();
            var spec = items[i];
            if (spec is null)
            {
                errors.Add("", $"{ANoun} cannot be null.");
                yield return new ConfigObjectErrors(this, i, null, errors);
                continue;
            }

            ValidateOne(spec, context, errors);
            ValidateAmong(spec, items, i, errors);
            var name = NameOf(spec);
            if (!string.IsNullOrEmpty(name) && !seen.Add(name))
            {
                errors.Add("name", $"{ANoun} named '{name}' appears more than once.");
            }

            if (!errors.IsEmpty)
            {
                yield return new ConfigObjectErrors(this, i, name, errors);
            }
        }
    }

    /// <summary>The kind's objects as stored, in name order; only the one named <paramref name="name"/> when given.</summary>
    public abstract Task<IReadOnlyList<TSpec>> ReadAsync(ApplianceDbContext db, bool tracked, string? name, CancellationToken cancellationToken);

    public async Task<ConfigDocument> ReadIntoAsync(ApplianceDbContext db, ConfigDocument document, bool tracked, CancellationToken cancellationToken) =>
        With(document, await ReadAsync(db, tracked, name: null, cancellationToken));

    public abstract void WriteRows(ApplianceDbContext db, ConfigDocument before, ConfigDocument after);

    public abstract void RemoveRows(ApplianceDbContext db, ConfigDocument before, ConfigDocument after);
}
