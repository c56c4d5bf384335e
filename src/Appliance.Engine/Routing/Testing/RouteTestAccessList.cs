namespace Appliance.Engine.Routing.Testing;

/// <summary>
/// One access list the request passes through (global ones first): whether the client address
/// may pass (null when no address was given), the rule that decided, and whether the list then asks
/// for a basic-auth sign-in.
/// </summary>
public sealed record RouteTestAccessList(string Name, bool? Allowed, string Rule, bool AsksForSignIn);
