namespace Appliance.Engine.Routing.Testing;

/// <summary>
/// An HTTPS connection whose server name belongs to a TLS passthrough stream: it is handed, still
/// encrypted, to the stream's pool before any route is looked at.
/// </summary>
public sealed record RouteTestPassthrough(string Stream, string Pool);
