namespace Appliance.Web.Components.Pages.Audit;

/// <summary>Whether a line is in both versions, only the old one, or only the new one.</summary>
public enum DiffKind
{
    Unchanged,
    Removed,
    Added,
}
