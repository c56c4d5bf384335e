using System.Collections.Concurrent;

namespace Appliance.Engine.Security.Bans;

/// <summary>What bans did on this node since start: bans made by rule, connections closed at accept by reason, requests refused.</summary>
public sealed class BanStatistics
{
    /// <summary>Why a connection was closed at accept: its address is banned.</summary>
    public const string BannedReason = "ban";

    /// <summary>Why a connection was closed at accept: a global access list denies it with Drop.</summary>
    public const string AccessListReason = "access-list";

    private readonly ConcurrentDictionary<string, long> _bans = new(StringComparer.Ordinal);
    private long _droppedBanned;
    private long _droppedByList;
    private long _refusedRequests;

    /// <summary>Requests refused because their client was banned after its connection was accepted (keep-alive, or behind a trusted proxy).</summary>
    public long RefusedRequests => Interlocked.Read(ref _refusedRequests);

    /// <summary>Bans made on this node, by rule (<see cref="BanService.ManualRule"/> for an operator's), in rule order.</summary>
    public IReadOnlyList<(string Rule, long Count)> BansByRule() =>
        _bans.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => (b.Key, b.Value)).ToArray();

    /// <summary>Connections closed at accept, by reason.</summary>
    public IReadOnlyList<(string Reason, long Count)> DroppedConnections() =>
        [(AccessListReason, Interlocked.Read(ref _droppedByList)), (BannedReason, Interlocked.Read(ref _droppedBanned))];

    internal void Banned(string rule) => _bans.AddOrUpdate(rule, 1, static (_, n) => n + 1);

    internal void DroppedBanned() => Interlocked.Increment(ref _droppedBanned);

    internal void DroppedByList() => Interlocked.Increment(ref _droppedByList);

    internal void RefusedRequest() => Interlocked.Increment(ref _refusedRequests);
}
