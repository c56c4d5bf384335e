using Appliance.Data.ConfigKinds;

namespace Appliance.Data.Store;

/// <summary>
/// One installation-wide settings object, read and replaced through the store's one write path:
/// validated with the whole configuration, saved with its audit entry and a new revision.
/// </summary>
public sealed class ConfigSettings<TSpec>
    where TSpec : class, new()
{
    private readonly ConfigStore _store;
    private readonly SettingsKind<TSpec> _kind;

    internal ConfigSettings(ConfigStore store, SettingsKind<TSpec> kind)
    {
        _store = store;
        _kind = kind;
    }

    /// <summary>The settings as stored (their defaults until first changed).</summary>
    public async Task<TSpec> GetAsync(CancellationToken cancellationToken = default) =>
        _kind.Get((await _store.ReadAsync(cancellationToken)).Document) ?? new TSpec();

    /// <summary>Replaces the settings; 400 with field messages when they are not valid.</summary>
    public Task<StoreResult<TSpec>> UpdateAsync(TSpec spec, string actor, CancellationToken cancellationToken = default)
    {
        var incoming = _kind.Normalize(spec);
        return _store.ChangeAsync(actor, before => ConfigEdits.Replace(_kind, before, incoming), cancellationToken);
    }
}
