using System.Net;
using Appliance.Engine.Security.Shield;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// The global access lists that close a denied client's connection (<c>denyAction: Drop</c>), of
/// one snapshot: what the connection filter asks at accept. Empty, as it mostly is, it costs nothing.
/// </summary>
internal sealed class GlobalDropLists(IReadOnlyList<CompiledAccessList> lists)
{
    public static GlobalDropLists None { get; } = new([]);

    public bool IsEmpty => lists.Count == 0;

    /// <summary>The name of the first list that denies <paramref name="address"/>, or null.</summary>
    public string? DeniedBy(IPAddress address)
    {
        foreach (var list in lists)
        {
            if (!list.Decide(address).Allowed)
            {
                return list.Name;
            }
        }

        return null;
    }
}
