namespace Appliance.Engine.Caching;

/// <summary>Entity-tags (RFC 9110 §8.8.3) and their two comparisons (§8.8.3.2).</summary>
internal static class EntityTags
{
    public static bool IsWeak(string tag) => tag.StartsWith("W/", StringComparison.Ordinal);

    /// <summary>Strong comparison: both strong and the same characters.</summary>
    public static bool StrongMatch(string a, string b) => !IsWeak(a) && !IsWeak(b) && string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>Weak comparison: the same opaque tag, whether either is weak or not.</summary>
    public static bool WeakMatch(string a, string b) => string.Equals(Opaque(a), Opaque(b), StringComparison.Ordinal);

    private static string Opaque(string tag) => IsWeak(tag) ? tag[2..] : tag;
}
