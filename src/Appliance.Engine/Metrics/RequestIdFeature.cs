namespace Appliance.Engine.Metrics;

internal sealed class RequestIdFeature(string requestId) : IRequestIdFeature
{
    public const string HeaderName = "X-Request-Id";

    public string RequestId { get; } = requestId;
}
