namespace Appliance.Data.Model;

/// <summary>An ordered list of allow and deny rules over client addresses; the first rule that matches decides.</summary>
public sealed record AccessListSpec
{
    public string Name { get; init; } = "";

    /// <summary>Applies to every route, before the route's own list.</summary>
    public bool Global { get; init; }

    /// <summary><see cref="AccessActions.Allow"/> or <see cref="AccessActions.Deny"/>: what happens when no rule matches.</summary>
    public string DefaultAction { get; init; } = AccessActions.Allow;

    /// <summary><see cref="AccessActions.Forbidden"/> (a 403 page) or <see cref="AccessActions.Drop"/> (the connection is closed without a reply).</summary>
    public string DenyAction { get; init; } = AccessActions.Forbidden;

    public IReadOnlyList<AccessRuleSpec> Rules { get; init; } = [];

    /// <summary>When not empty, clients of routes using this list must also sign in with HTTP basic authentication as one of these users.</summary>
    public IReadOnlyList<BasicAuthUserSpec> BasicAuthUsers { get; init; } = [];
}
