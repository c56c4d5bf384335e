namespace Appliance.Data.Store;

/// <summary>
/// Tells the engine in this process that the configuration changed, so that it need not wait for
/// its next poll of the revision row. Several signals before a wait collapse into one.
/// </summary>
public sealed class ConfigChangeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Marks the configuration as changed.</summary>
    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled and not yet consumed: one wake-up covers both changes.
        }
    }

    /// <summary>Waits for a change or for <paramref name="timeout"/>; true when a change was signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
