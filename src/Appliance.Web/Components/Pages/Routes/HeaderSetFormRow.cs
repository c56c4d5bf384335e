namespace Appliance.Web.Components.Pages.Routes;

/// <summary>One header a route's rules set: its name and value template, as stored or new.</summary>
public sealed class HeaderSetFormRow
{
    public string Name { get; set; } = "";

    public string Value { get; set; } = "";
}
