namespace Appliance.Engine.Routing;

/// <summary>
/// What the canonical path does with <c>;</c> path parameters (<c>Appliance:Proxy:PathParameters</c>).
/// </summary>
public enum PathParameterMode
{
    /// <summary>
    /// Removed from every segment before matching and forwarding, as servlet containers read them:
    /// Tomcat's <c>;jsessionid=</c> URL rewriting keeps working, and <c>/admin;x/secret</c> cannot
    /// slip past a rule for <c>/admin</c>. A backend where <c>;</c> is data gets less than was sent.
    /// </summary>
    Strip,

    /// <summary>Any raw <c>;</c> in the path gets 400; an encoded one (<c>%3B</c>) is data and passes.</summary>
    Reject,
}
