namespace Appliance.Data.Store;

/// <summary>
/// Wakes one waiting background loop without making it wait for its next poll. Several signals
/// before a wait collapse into one. Subclasses exist so that each loop has its own signal in DI.
/// </summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Marks that there is something to do.</summary>
    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled and not yet consumed: one wake-up covers both.
        }
    }

    /// <summary>Waits for a signal or for <paramref name="timeout"/>; true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
