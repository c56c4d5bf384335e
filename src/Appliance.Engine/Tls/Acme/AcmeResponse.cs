using System.Net;
using System.Text.Json;

namespace Appliance.Engine.Tls.Acme;

/// <summary>A successful ACME answer: its status, Location, Retry-After and body.</summary>
internal sealed record AcmeResponse(HttpStatusCode Status, string? Location, TimeSpan? RetryAfter, string Text)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement.Clone();
}
