namespace Appliance.Engine.Health;

/// <summary>
/// A backend's requests and transport failures over the last minute, counted per second so that a
/// busy backend costs sixty counters, not one entry per request. Not thread-safe: its policy locks.
/// </summary>
internal sealed class FailureWindow
{
    private readonly Queue<(long Second, int Requests, int Failures)> _past = new();
    private long _second = long.MinValue;
    private int _secondRequests;
    private int _secondFailures;

    public int Requests { get; private set; }

    public int Failures { get; private set; }

    /// <summary>Counts a request that ended at <paramref name="second"/>, forgetting those older than <paramref name="windowSeconds"/>.</summary>
    public void Add(long second, bool failed, int windowSeconds)
    {
        if (second != _second)
        {
            if (_secondRequests > 0)
            {
                _past.Enqueue((_second, _secondRequests, _secondFailures));
            }

            _second = second;
            _secondRequests = 0;
            _secondFailures = 0;
        }

        while (_past.Count > 0 && _past.Peek().Second <= second - windowSeconds)
        {
            var old = _past.Dequeue();
            Requests -= old.Requests;
            Failures -= old.Failures;
        }

        _secondRequests++;
        Requests++;
        if (failed)
        {
            _secondFailures++;
            Failures++;
        }
    }

    /// <summary>Forgets everything: a backend back from its time out is judged on what it does next.</summary>
    public void Clear()
    {
        _past.Clear();
        _second = long.MinValue;
        _secondRequests = 0;
        _secondFailures = 0;
        Requests = 0;
        Failures = 0;
    }
}
