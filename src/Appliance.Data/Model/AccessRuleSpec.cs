namespace Appliance.Data.Model;

/// <summary>
/// One rule of an access list: allow or deny an address or CIDR range (IPv4 or IPv6), or the
/// addresses a country database places in one country. A rule names exactly one of the two.
/// </summary>
public sealed record AccessRuleSpec
{
    public string Action { get; init; } = AccessActions.Deny;

    /// <summary><c>203.0.113.0/24</c>, <c>2001:db8::/32</c>, or a single address; null for a country rule.</summary>
    public string? Cidr { get; init; }

    /// <summary>
    /// An ISO 3166-1 alpha-2 code (<c>FR</c>), upper-cased as stored; null for an address rule. Needs
    /// a country database (<c>Appliance:GeoIP:DatabasePath</c>); an address the database does not
    /// know matches no country rule.
    /// </summary>
    public string? Country { get; init; }
}
