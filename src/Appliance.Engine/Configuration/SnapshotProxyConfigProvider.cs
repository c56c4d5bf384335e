using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Configuration;

/// <summary>Feeds YARP from the <see cref="SnapshotStore"/>: every swap becomes a new <see cref="IProxyConfig"/>.</summary>
internal sealed class SnapshotProxyConfigProvider : IProxyConfigProvider, IDisposable
{
    private readonly SnapshotStore _store;
    private SnapshotProxyConfig _config;

    public SnapshotProxyConfigProvider(SnapshotStore store)
    {
        _store = store;
        _config = new SnapshotProxyConfig(store.Current);
        store.Swapped += OnSwapped;
    }

    public IProxyConfig GetConfig() => Volatile.Read(ref _config);

    public void Dispose()
    {
        _store.Swapped -= OnSwapped;
        _config.Dispose();
    }

    private void OnSwapped(ProxySnapshot snapshot)
    {
        var previous = Interlocked.Exchange(ref _config, new SnapshotProxyConfig(snapshot));

        // YARP reads GetConfig() again when the old token fires, so the new one must be in place first.
        previous.SignalChange();
    }
}
