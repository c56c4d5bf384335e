namespace Appliance.Data.Model;

/// <summary>One rule of an access list: allow or deny an address or CIDR range (IPv4 or IPv6).</summary>
public sealed record AccessRuleSpec
{
    public string Action { get; init; } = AccessActions.Deny;

    /// <summary><c>203.0.113.0/24</c>, <c>2001:db8::/32</c>, or a single address.</summary>
    public string Cidr { get; init; } = "";
}
