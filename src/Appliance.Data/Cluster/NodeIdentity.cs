using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Appliance.Data.Cluster;

/// <summary>
/// This node's name among the nodes that share one database (<c>Appliance:Node:Name</c>, default
/// the host name): it owns leases, signs cluster messages and names its heartbeat row, so two
/// nodes must never share it.
/// </summary>
public sealed partial record NodeIdentity(string Name)
{
    public const string NameKey = "Appliance:Node:Name";

    /// <summary>Reads the name; one that cannot serve as a key stops the start with the key to fix.</summary>
    public static NodeIdentity FromConfiguration(IConfiguration configuration)
    {
        var name = configuration[NameKey] is { Length: > 0 } configured ? configured.Trim() : Environment.MachineName;
        if (!ValidName().IsMatch(name))
        {
            throw new InvalidOperationException(
                $"{NameKey} is '{name}'; use 1 to 100 letters, digits, '.', '_' or '-' (the host name is used when it is not set).");
        }

        return new NodeIdentity(name);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex ValidName();
}
