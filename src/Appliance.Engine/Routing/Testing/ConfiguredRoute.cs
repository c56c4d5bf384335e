using Appliance.Data.Model;

namespace Appliance.Engine.Routing.Testing;

/// <summary>
/// The route as configured, kept in its plan for the tools that explain decisions (the route
/// tester): the request path never reads it.
/// </summary>
internal sealed record ConfiguredRoute(RouteSpec Spec);
