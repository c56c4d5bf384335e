using Appliance.Data.ConfigKinds;

namespace Appliance.Data.Store;

/// <summary>
/// One kind of configuration object (pools, routes, …), read and written through the store's one
/// write path: every change reads the whole configuration, validates the whole result, and saves
/// it with its audit entry and a new revision in one transaction.
/// </summary>
public sealed class ConfigObjects<TSpec>
    where TSpec : class
{
    private readonly ConfigStore _store;
    private readonly ConfigKind<TSpec> _kind;

    internal ConfigObjects(ConfigStore store, ConfigKind<TSpec> kind)
    {
        _store = store;
        _kind = kind;
    }

    /// <summary>What one object is called in messages: <c>pool</c>, <c>access list</c>.</summary>
    public string Noun => _kind.Noun;

    /// <summary>The name of <paramref name="spec"/>.</summary>
    public string NameOf(TSpec spec) => _kind.NameOf(spec);

    /// <summary><paramref name="spec"/> with another name.</summary>
    public TSpec WithName(TSpec spec, string name) => _kind.WithName(spec, name);

    /// <summary>Every object of the kind, by name.</summary>
    public Task<IReadOnlyList<TSpec>> ListAsync(CancellationToken cancellationToken = default) =>
        _store.ReadObjectsAsync(_kind, name: null, cancellationToken);

    /// <summary>One object, or null.</summary>
    public async Task<TSpec?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        (await _store.ReadObjectsAsync(_kind, name, cancellationToken)).SingleOrDefault();

    /// <summary>Creates an object; 409 when the name is taken, 400 when it or a reference is not valid.</summary>
    public Task<StoreResult<TSpec>> CreateAsync(TSpec spec, string actor, CancellationToken cancellationToken = default)
    {
        // Hashed and encrypted here, before the store's write lock, which the hashing would otherwise hold.
        var incoming = _kind.SealSecrets(_kind.Normalize(spec), _store.Secrets);
        return _store.ChangeAsync(actor, before => ConfigEdits.Create(_kind, before, incoming), cancellationToken);
    }

    /// <summary>Replaces an object; 404 when there is none; its name cannot change (a body without one takes <paramref name="name"/>).</summary>
    public Task<StoreResult<TSpec>> UpdateAsync(string name, TSpec spec, string actor, CancellationToken cancellationToken = default)
    {
        var incoming = _kind.SealSecrets(_kind.Normalize(string.IsNullOrEmpty(_kind.NameOf(spec)) ? _kind.WithName(spec, name) : spec), _store.Secrets);
        return _store.ChangeAsync(actor, before => ConfigEdits.Update(_kind, before, name, incoming), cancellationToken);
    }

    /// <summary>Deletes an object; 404 when there is none, 409 while another object refers to it.</summary>
    public Task<StoreResult<TSpec>> DeleteAsync(string name, string actor, CancellationToken cancellationToken = default) =>
        _store.ChangeAsync(actor, before => ConfigEdits.Delete(_kind, before, name), cancellationToken);
}
