using System.ComponentModel.DataAnnotations;
using Appliance.Data.Networking;

namespace Appliance.Engine.Security.Bans;

/// <summary>Settings of automatic and manual bans, bound from <c>Appliance:Proxy:Bans</c> and checked at start.</summary>
public sealed class BanOptions : IValidatableObject
{
    public const string SectionName = "Appliance:Proxy:Bans";

    /// <summary>
    /// Bans held at once; past it, a new ban replaces the ones that end soonest, so a ban flood from
    /// many addresses cannot grow memory without bound. Redis keeps at most as many.
    /// </summary>
    [Range(100, 10_000_000, ErrorMessage = "The field {0} must be between 100 and 10000000.")]
    public int Capacity { get; set; } = 100_000;

    /// <summary>(Rule, address) pairs whose matching answers are being counted; past it, addresses not yet counted are not counted until old windows close.</summary>
    [Range(100, 10_000_000, ErrorMessage = "The field {0} must be between 100 and 10000000.")]
    public int MaxTrackedAddresses { get; set; } = 100_000;

    /// <summary>
    /// Loopback clients (a health check, a web server on the same machine forwarding without being a
    /// trusted proxy, through which every client would look like 127.0.0.1) are never banned.
    /// </summary>
    public bool ExemptLoopback { get; set; } = true;

    /// <summary>Further addresses and CIDR ranges that are never banned (monitoring, the office). Trusted proxies always are.</summary>
    public List<string> ExemptNetworks { get; set; } = [];

    /// <summary>With Redis: how often a node looks for bans other nodes made, in milliseconds.</summary>
    [Range(100, 60_000, ErrorMessage = "The field {0} must be between 100 and 60000.")]
    public int SyncMilliseconds { get; set; } = 500;

    /// <summary>
    /// Connections turned away at accept (banned, or denied by a global Drop list) held open at once
    /// without an answer (<see cref="ConnectionTarpit"/>); past it they are closed at once. 0 closes
    /// every one at once, which a flood tool answers by reconnecting as fast as it can.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = "The field {0} must be between 0 and 1000000.")]
    public int HeldConnections { get; set; } = 4096;

    /// <summary>Of those, how many one client (an IPv4 address or an IPv6 /64) may have held at once.</summary>
    [Range(1, 1_000_000, ErrorMessage = "The field {0} must be between 1 and 1000000.")]
    public int HeldConnectionsPerAddress { get; set; } = 256;

    /// <summary>How long a turned-away connection is held before it is closed, in seconds.</summary>
    [Range(1, 3600, ErrorMessage = "The field {0} must be between 1 and 3600.")]
    public int HoldSeconds { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var network in ExemptNetworks)
        {
            if (!NetworkRanges.TryParse(network, out _))
            {
                yield return new ValidationResult($"has '{network}', which is not an address or CIDR range.", [nameof(ExemptNetworks)]);
            }
        }
    }
}
