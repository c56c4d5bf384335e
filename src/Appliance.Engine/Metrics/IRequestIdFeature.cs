namespace Appliance.Engine.Metrics;

/// <summary>The id the appliance gave a request: sent to the backend, returned to the client, written to the access log.</summary>
internal interface IRequestIdFeature
{
    string RequestId { get; }
}
