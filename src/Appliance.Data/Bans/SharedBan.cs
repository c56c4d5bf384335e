namespace Appliance.Data.Bans;

/// <summary>
/// A ban as every node sees it: the banned subject in its one spelling (<c>203.0.113.7</c>, or an
/// IPv6 <c>2001:db8:1:2::/64</c>), why, by which rule or by whom, and from when until when.
/// </summary>
/// <param name="Subject">The address or IPv6 /64 banned.</param>
/// <param name="Reason">Why, in words: "12 answers matching 'scanners' within 60 s", or the operator's own reason.</param>
/// <param name="Rule">The rule that banned it; null for a manual ban.</param>
/// <param name="Actor">Who banned it by hand; null for an automatic ban.</param>
/// <param name="Since">When the ban began.</param>
/// <param name="Until">When it ends by itself.</param>
public sealed record SharedBan(string Subject, string Reason, string? Rule, string? Actor, DateTimeOffset Since, DateTimeOffset Until);
