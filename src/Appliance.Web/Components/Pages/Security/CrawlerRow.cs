namespace Appliance.Web.Components.Pages.Security;

/// <summary>One verified crawler as the form edits it: its domains in one field, separated by spaces.</summary>
public sealed class CrawlerRow(string name, string userAgent, string domains)
{
    public CrawlerRow()
        : this("", "", "")
    {
    }

    public string Name { get; set; } = name;

    public string UserAgent { get; set; } = userAgent;

    public string Domains { get; set; } = domains;
}
