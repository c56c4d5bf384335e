using Appliance.Data.Cluster;
using Appliance.Data.Providers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// Whether some node of the cluster is validating an ACME order now, learnt by one small query a
/// second in the background. The data plane reads the answer without waiting: it decides whether
/// a challenge request or an <c>acme-tls/1</c> handshake may look in the database at all, so
/// random challenge paths cost no query while no order is in flight (almost always).
/// </summary>
internal sealed partial class AcmeChallengeActivity(
    AcmeChallengeStore store,
    DatabaseOptions database,
    ILogger<AcmeChallengeActivity> logger) : BackgroundService
{
    /// <summary>How stale the answer may be.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private volatile bool _inFlight;

    /// <summary>True while another node may have published answers that this node does not hold in memory.</summary>
    public bool InFlight => _inFlight;

    /// <summary>
    /// True when other nodes may share the database. On SQLite there is one node, whose own answers
    /// are always in its memory, so it neither polls nor waits for others to notice.
    /// </summary>
    public bool Clustered => database.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// How long the ordering node waits between publishing answers and asking the CA to validate:
    /// long enough for every node's next poll to have seen them (a poll that started before the
    /// rows were committed does not count).
    /// </summary>
    public TimeSpan PropagationDelay => Clustered ? PollInterval * 2 : TimeSpan.Zero;

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
            _inFlight = await store.AnyLiveAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away: keep the last answer; local answers are served regardless.
            LogPollFailed(ex.Message);
        }
    }

    [LoggerMessage(EventId = 2520, Level = LogLevel.Debug, Message = "Could not learn whether an ACME validation is under way: {Reason}")]
    private partial void LogPollFailed(string reason);
}
