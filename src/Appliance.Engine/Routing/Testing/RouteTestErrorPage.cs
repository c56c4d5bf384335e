namespace Appliance.Engine.Routing.Testing;

/// <summary>
/// The page the appliance would answer its own status with: the route's own custom page, else the
/// global one for that status, else the built-in default (<paramref name="Name"/> null).
/// </summary>
/// <param name="Status">The status the page is for.</param>
/// <param name="Source">One of <see cref="RouteTestErrorPageSources"/>.</param>
/// <param name="Name">The custom page's name; null for the default.</param>
public sealed record RouteTestErrorPage(int Status, string Source, string? Name);
