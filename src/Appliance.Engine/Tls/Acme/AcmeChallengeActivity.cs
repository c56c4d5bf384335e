using System.Collections.Frozen;
using Appliance.Data.Cluster;
using Appliance.Data.Providers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// The challenge answers every node of the cluster has published, read once a second in the
/// background (a handful while orders run, none otherwise). The data plane answers from this copy
/// without waiting: anyone can ask for random <c>/.well-known/acme-challenge/…</c> paths or open TLS
/// with <c>acme-tls/1</c>, and none of that may reach the database, nor delay the CA's own request.
/// </summary>
internal sealed partial class AcmeChallengeActivity(
    AcmeChallengeStore store,
    DatabaseOptions database,
    ILogger<AcmeChallengeActivity> logger) : BackgroundService
{
    /// <summary>How stale the copy may be.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // Far more than orders ever run at once; a bound all the same, since the table is shared.
    private const int MostAnswers = 1000;

    private volatile FrozenDictionary<(string Type, string Key), string> _answers = FrozenDictionary<(string Type, string Key), string>.Empty;

    /// <summary>True while some node has published answers that this node may not hold in memory.</summary>
    public bool InFlight => _answers.Count > 0;

    /// <summary>
    /// True when other nodes may share the database. On SQLite there is one node, whose own answers
    /// are always in its memory, so it neither polls nor waits for others to notice.
    /// </summary>
    public bool Clustered => database.IsShared;

    /// <summary>
    /// How long the ordering node waits between publishing answers and asking the CA to validate:
    /// long enough for every node's next poll to have seen them (a poll that started before the
    /// rows were committed does not count).
    /// </summary>
    public TimeSpan PropagationDelay => Clustered ? PollInterval * 2 : TimeSpan.Zero;

    /// <summary>The answer some node published for <paramref name="key"/>, as of the last poll.</summary>
    public bool TryFind(string type, string key, out string? value)
    {
        var found = _answers.TryGetValue((type, key), out var answer);
        value = answer;
        return found;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Clustered)
        {
            return;
        }

        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            do
            {
                await PollAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        try
        {
            var live = await store.ListLiveAsync(MostAnswers, stoppingToken);
            _answers = live.Count == 0
                ? FrozenDictionary<(string Type, string Key), string>.Empty
                : live.DistinctBy(a => (a.Type, a.Key)).ToFrozenDictionary(a => (a.Type, a.Key), a => a.Value);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away: keep the last copy; local answers are served regardless.
            LogPollFailed(ex.Message);
        }
    }

    [LoggerMessage(EventId = 2520, Level = LogLevel.Debug, Message = "Could not read the challenge answers other nodes published: {Reason}")]
    private partial void LogPollFailed(string reason);
}
