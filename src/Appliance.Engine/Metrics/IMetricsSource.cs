namespace Appliance.Engine.Metrics;

/// <summary>
/// A feature's families at <c>/metrics</c>. Each feature registers its own
/// (<c>services.AddSingleton&lt;IMetricsSource, …&gt;()</c> in its registration), so a new metric
/// never grows the writer; sources are written in registration order, after the traffic families.
/// </summary>
public interface IMetricsSource
{
    /// <summary>Writes this feature's families as of now, without waiting on the database or the network.</summary>
    void Write(PrometheusText text);
}
