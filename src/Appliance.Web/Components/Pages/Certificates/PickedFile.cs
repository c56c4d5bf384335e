namespace Appliance.Web.Components.Pages.Certificates;

/// <summary>A file an operator picked for an upload: its name as their browser gave it, and its bytes.</summary>
public sealed record PickedFile(string Name, byte[] Content);
