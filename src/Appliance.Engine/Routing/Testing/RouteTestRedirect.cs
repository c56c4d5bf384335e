namespace Appliance.Engine.Routing.Testing;

/// <summary>A redirect the appliance would answer with itself.</summary>
public sealed record RouteTestRedirect(int Status, string Location);
