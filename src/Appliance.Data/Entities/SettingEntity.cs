namespace Appliance.Data.Entities;

/// <summary>
/// One installation-wide settings object of the configuration, kept whole as JSON under its key:
/// there is one of each, so a table per settings object would hold one row and change with every field.
/// </summary>
public sealed class SettingEntity
{
    /// <summary>The settings object's member in the configuration document: <c>challenge</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>The object in the configuration's JSON shape.</summary>
    public string Json { get; set; } = "{}";
}
