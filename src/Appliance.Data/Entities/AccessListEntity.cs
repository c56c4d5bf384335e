namespace Appliance.Data.Entities;

internal sealed class AccessListEntity : INamedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool Global { get; set; }
    public string DefaultAction { get; set; } = "";
    public string DenyAction { get; set; } = "";

    /// <summary>The ordered rules as JSON: always read and written whole, in order.</summary>
    public string RulesJson { get; set; } = "[]";

    /// <summary>Basic-auth users as JSON: name and PasswordHasher hash, never a password.</summary>
    public string BasicAuthJson { get; set; } = "[]";
}
