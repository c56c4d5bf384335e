using Appliance.Engine.Security.Bans;
using Appliance.Engine.Security.TurnedAway;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web.Components.Pages.Dashboard;

/// <summary>The dashboard's "Under attack" card: what this node turned away, who most, and the bans in force.</summary>
public partial class UnderAttackCard
{
    // The rates are per-second buckets; a card that follows them every 2 s is live enough.
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    private const int Shown = 5;
    private const int BanSeconds = 3600;

    private UnderAttackReport _report = default!;
    private HashSet<string> _banned = [];
    private bool _banning;
    private string? _error;

    /// <summary>Where the challenge's global switch goes (the challenge is its own feature).</summary>
    [Parameter]
    public RenderFragment? ChallengeSwitch { get; set; }

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        Read();
    }

    private void Read()
    {
        _report = Reader.Read(Shown, Shown);

        // Every ban in force, not only the newest few the report carries: an offender banned long ago shows as banned.
        _banned = Bans.Active().Select(b => b.Subject).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Reasons turned away in the last minute, each with its rate over the window; reasons never seen are left out.</summary>
    private IEnumerable<(string Reason, double PerSecond, long LastMinute)> Reasons()
    {
        foreach (var (reason, perSecond) in _report.TurnedAwayPerSecond)
        {
            var lastMinute = _report.Series.Sum(s => s.ByReason.GetValueOrDefault(reason));
            if (lastMinute > 0)
            {
                yield return (reason, perSecond, lastMinute);
            }
        }
    }

    private static string Label(string reason) => reason switch
    {
        nameof(TurnedAwayReason.AccessList) => "Access list",
        nameof(TurnedAwayReason.RateLimit) => "Rate limit",
        nameof(TurnedAwayReason.BasicAuth) => "Basic auth",
        nameof(TurnedAwayReason.BodySize) => "Body too large",
        _ => reason,
    };

    private async Task BanAsync(TurnedAwayOffender offender)
    {
        if (_banning || await EditorAsync() is not { } actor)
        {
            return;
        }

        _banning = true;
        try
        {
            var why = $"From the dashboard: turned away {offender.Count:N0} times ({string.Join(", ", offender.Reasons.Select(Label))}).";
            var outcome = await Bans.BanAsync(new ManualBanRequest { Address = offender.Address, Seconds = BanSeconds, Reason = why }, actor);
            _error = outcome.Succeeded ? null : string.Join(" ", outcome.Errors.SelectMany(e => e.Value));
            Read();
        }
        finally
        {
            _banning = false;
        }
    }
}
