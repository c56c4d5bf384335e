namespace Appliance.Data.Model;

/// <summary>
/// An automatic ban: a client address (an IPv4 address, or an IPv6 /64) that draws
/// <see cref="Threshold"/> matching answers within <see cref="WindowSeconds"/> is banned for
/// <see cref="BanSeconds"/>. An answer matches when its status is one of <see cref="Statuses"/>, or
/// when the request was for one of <see cref="Paths"/>, whichever route took it or none.
/// </summary>
public sealed record BanRuleSpec
{
    public string Name { get; init; } = "";

    /// <summary>A rule that is off counts nothing and bans nobody; it is kept as configured.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Answer statuses that count (100–599, each once); may be empty when <see cref="Paths"/> is not.</summary>
    public IReadOnlyList<int> Statuses { get; init; } = [];

    /// <summary>
    /// Path patterns that count, matched case-insensitively on the canonical path: <c>*</c> stands
    /// for any characters within one segment, a last segment <c>**</c> for the path itself and
    /// anything below it (<c>/.git/**</c>). May be empty when <see cref="Statuses"/> is not.
    /// </summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Matching answers within the window that ban the address (1–100000).</summary>
    public int Threshold { get; init; } = 10;

    /// <summary>The window the answers are counted in, from the first one (1–86400 seconds).</summary>
    public int WindowSeconds { get; init; } = 60;

    /// <summary>How long the ban lasts (1 second to 30 days).</summary>
    public int BanSeconds { get; init; } = 3600;
}
