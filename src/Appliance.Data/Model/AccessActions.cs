namespace Appliance.Data.Model;

/// <summary>The words of access lists.</summary>
public static class AccessActions
{
    public const string Allow = "Allow";
    public const string Deny = "Deny";
    public const string Forbidden = "Forbidden";
    public const string Drop = "Drop";
}
