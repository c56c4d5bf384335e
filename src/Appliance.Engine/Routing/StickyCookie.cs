using System.Security.Cryptography;
using System.Text;

namespace Appliance.Engine.Routing;

/// <summary>
/// Names and values of the cookie that keeps a client on its target. Both are short hashes, so
/// that clients see neither route nor pool names, yet they stay stable across restarts and nodes.
/// </summary>
internal static class StickyCookie
{
    private const string Prefix = "apl_t_";

    /// <summary>How long a client keeps its variant without coming back.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>The cookie name of a route.</summary>
    public static string NameFor(string routeName) => Prefix + ShortHash(routeName);

    /// <summary>The cookie value that stands for one pool of one route.</summary>
    public static string ValueFor(string routeName, string poolName) => ShortHash(routeName + "/" + poolName);

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 6));
}
