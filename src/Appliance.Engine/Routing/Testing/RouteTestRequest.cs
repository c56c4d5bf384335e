namespace Appliance.Engine.Routing.Testing;

/// <summary>A request to try against the live configuration: nothing is sent to any backend.</summary>
public sealed record RouteTestRequest
{
    /// <summary>The HTTP method; GET when empty.</summary>
    public string? Method { get; init; }

    /// <summary>An absolute http or https URL, as the client would ask for it.</summary>
    public string Url { get; init; } = "";

    /// <summary>Request headers by name (Host comes from the URL).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The address the connection comes from; null leaves address-based decisions open.</summary>
    public string? ClientIp { get; init; }
}
