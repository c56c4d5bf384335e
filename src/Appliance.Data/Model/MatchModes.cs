namespace Appliance.Data.Model;

/// <summary>How a <see cref="MatchConditionSpec"/> compares a request's header, query parameter or cookie with its values.</summary>
public static class MatchModes
{
    /// <summary>A value equals one of the condition's values.</summary>
    public const string Exact = "Exact";

    /// <summary>A value starts with one of the condition's values.</summary>
    public const string Prefix = "Prefix";

    /// <summary>A value contains one of the condition's values.</summary>
    public const string Contains = "Contains";

    /// <summary>The item is absent, or no value contains any of the condition's values.</summary>
    public const string NotContains = "NotContains";

    /// <summary>The item is present, whatever its value; the condition's values are ignored.</summary>
    public const string Exists = "Exists";

    /// <summary>The item is absent; the condition's values are ignored.</summary>
    public const string NotExists = "NotExists";

    /// <summary>Every mode, in the order forms list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Exact, Prefix, Contains, NotContains, Exists, NotExists];

    /// <summary>True for the modes that read no values.</summary>
    public static bool IgnoresValues(string mode) => mode is Exists or NotExists;
}
