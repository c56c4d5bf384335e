namespace Appliance.Engine.Metrics;

/// <summary>
/// The last 15 minutes of the data plane's traffic, one sample every 5 seconds. It lives as long
/// as the process, so the dashboard's charts are whole as soon as a page opens or reloads.
/// </summary>
public sealed class TrafficHistory
{
    /// <summary>Time between samples.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Samples kept: 15 minutes' worth.</summary>
    public const int Capacity = 180;

    private readonly Queue<TrafficSample> _samples = new(Capacity);
    private readonly Lock _lock = new();

    /// <summary>Adds a sample, dropping the oldest beyond <see cref="Capacity"/>.</summary>
    public void Add(TrafficSample sample)
    {
        lock (_lock)
        {
            if (_samples.Count == Capacity)
            {
                _samples.Dequeue();
            }

            _samples.Enqueue(sample);
        }
    }

    /// <summary>The samples, oldest first.</summary>
    public IReadOnlyList<TrafficSample> Samples()
    {
        lock (_lock)
        {
            return _samples.ToArray();
        }
    }
}
