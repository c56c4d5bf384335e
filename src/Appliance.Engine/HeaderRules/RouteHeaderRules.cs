namespace Appliance.Engine.HeaderRules;

/// <summary>The header rules part of a route's plan: what the backend's request and the client's responses get.</summary>
internal sealed record RouteHeaderRules(HeaderRuleSet Request, HeaderRuleSet Response)
{
    public static RouteHeaderRules None { get; } = new(HeaderRuleSet.None, HeaderRuleSet.None);
}
