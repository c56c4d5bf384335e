using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>
/// The challenge settings form's state: allowed ranges one per line, and the verified crawlers as
/// rows whose domains are one space-separated field. The switch is not here: it has its own control
/// and is saved as it is stored.
/// </summary>
public sealed class ChallengeSettingsFormModel : FormModel<ChallengeSettingsSpec>
{
    public ChallengeSettingsFormModel(ChallengeSettingsSpec stored)
        : base(stored)
    {
        Allow = string.Join('\n', stored.Allow);
        Crawlers = stored.Crawlers.Select(c => new CrawlerRow(c.Name, c.UserAgent, string.Join(' ', c.Domains))).ToList();
    }

    /// <summary>Addresses or ranges, one per line.</summary>
    public string Allow { get; set; }

    public List<CrawlerRow> Crawlers { get; }

    /// <summary>Puts the rows back; the switch is saved as it was read.</summary>
    public override ChallengeSettingsSpec ToSpec() => Spec with
    {
        Allow = Allow.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Crawlers = Crawlers.Select(r => new VerifiedCrawlerSpec
        {
            Name = r.Name,
            UserAgent = r.UserAgent,
            Domains = r.Domains.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        }).ToArray(),
    };

    /// <summary>Starts the rows again from the well-known search engines.</summary>
    public void RestoreWellKnown()
    {
        Crawlers.Clear();
        Crawlers.AddRange(VerifiedCrawlerSpec.WellKnown.Select(c => new CrawlerRow(c.Name, c.UserAgent, string.Join(' ', c.Domains))));
    }
}
