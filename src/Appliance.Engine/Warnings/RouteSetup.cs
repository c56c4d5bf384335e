namespace Appliance.Engine.Warnings;

/// <summary>
/// What the setup warnings need of one route: the pools that take its traffic (targets with a
/// weight above 0; none for a redirect) and its <c>tls</c> as configured.
/// </summary>
internal sealed record RouteSetup(string Name, IReadOnlyList<string> Pools, string Tls);
