namespace Appliance.Web.Components.Pages.Audit;

/// <summary>One line of a before/after comparison.</summary>
public sealed record DiffLine(DiffKind Kind, string Text);
