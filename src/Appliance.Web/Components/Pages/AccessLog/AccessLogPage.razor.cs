using Appliance.Engine.AccessLogging.Viewer;

namespace Appliance.Web.Components.Pages.AccessLog;

/// <summary>
/// The requests this node served last, narrowed by the filters, following along until paused, with
/// a summary of the last hour. The filters are read by the API's own parser, so a field says what
/// the API would.
/// </summary>
public partial class AccessLogPage
{
    /// <summary>Rows shown at most: a screenful or so; the API answers up to 1000.</summary>
    public const int Shown = 200;

    // New requests every 2 s, as the dashboard's figures.
    private static readonly TimeSpan TailEvery = TimeSpan.FromSeconds(2);

    // An hour's summary moves slowly.
    private static readonly TimeSpan SummaryEvery = TimeSpan.FromSeconds(10);

    private AccessLogFilterText _filterText = new();
    private Dictionary<string, string[]> _errors = [];
    private IReadOnlyList<RecentRequest> _entries = [];
    private AccessLogSummary? _summary;
    private bool _paused;
    private long _addedAtPause;
    private long _newSincePause;

    protected override void OnInitialized()
    {
        Read();
        Summarize();
    }

    private void Tail()
    {
        if (_paused)
        {
            // The table stays as it is; the operator only learns how much has happened meanwhile.
            _newSincePause = Reader.Added - _addedAtPause;
        }
        else
        {
            Read();
        }
    }

    private void Summarize() => _summary = Reader.Summarize(60);

    private void OnFilterChanged(AccessLogFilterText text)
    {
        _filterText = text;
        Read();
    }

    private void TogglePause()
    {
        _paused = !_paused;
        _addedAtPause = Reader.Added;
        _newSincePause = 0;
        if (!_paused)
        {
            Read();
        }
    }

    // Parsed again on every read: "since 15m" slides with the clock. A filter that cannot be read
    // keeps the last rows and says which field is wrong.
    private void Read()
    {
        var parsed = AccessLogFilterParser.Parse(_filterText, Reader.Now);
        _errors = parsed.Errors;
        if (parsed.Filter is { } filter)
        {
            _entries = Reader.Find(filter, Shown);
        }
    }
}
