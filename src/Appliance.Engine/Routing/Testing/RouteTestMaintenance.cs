namespace Appliance.Engine.Routing.Testing;

/// <summary>A route in maintenance: whether the client address is one that still passes, and the Retry-After others get.</summary>
public sealed record RouteTestMaintenance(bool Allowed, string RetryAfterSeconds);
