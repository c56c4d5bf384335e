namespace Appliance.Data.Certificates;

/// <summary>Wakes the ACME worker when a certificate is requested or a renewal is asked for, instead of waiting for its next look.</summary>
public sealed class AcmeWorkSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers both.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
