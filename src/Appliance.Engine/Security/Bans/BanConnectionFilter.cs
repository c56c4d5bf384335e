using System.Net;
using Appliance.Engine.Configuration;
using Appliance.Engine.Security.TurnedAway;
using Appliance.Engine.Tls.Acme;
using Microsoft.AspNetCore.Connections;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// The data plane's first word on a connection, after the PROXY header (so it sees the real client)
/// and before the connection caps, TLS and HTTP: a banned peer, or one that a global access list
/// denies with <c>Drop</c>, gets no answer: its connection is held silent, then closed
/// (<see cref="ConnectionTarpit"/>), so a banned flood costs an accept and a look-up per connection
/// and its tool is not told to reconnect.
/// Only the peer is known here: clients behind a trusted proxy are refused per request instead
/// (<see cref="BanMiddleware"/>). While an ACME validation is under way, global lists are left to
/// the requests, whose challenge answers come before any list: the CA's address is nobody's to deny.
/// </summary>
internal sealed class BanConnectionFilter(
    BanTable table,
    BanExemptions exemptions,
    BanStatistics statistics,
    SnapshotStore snapshots,
    Http01ChallengeStore http01,
    TlsAlpnChallengeStore tlsAlpn,
    AcmeChallengeActivity acme,
    ITurnedAwayRecorder turnedAway,
    ConnectionTarpit tarpit)
{
    public Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        if ((connection.RemoteEndPoint as IPEndPoint)?.Address is { } peer)
        {
            if (exemptions.IsTrustedProxy(peer))
            {
                connection.Features.Set(TrustedProxyConnection.Instance);
                return next(connection);
            }

            if (table.IsBanned(peer))
            {
                statistics.DroppedBanned();
                turnedAway.Record(TurnedAwayReason.Banned, peer);
                return tarpit.HoldOrCloseAsync(connection, peer);
            }

            if (snapshots.Serving.Parts.Get<GlobalDropLists>() is { IsEmpty: false } lists && DeniedByList(lists, peer))
            {
                statistics.DroppedByList();
                turnedAway.Record(TurnedAwayReason.AccessList, peer);
                return tarpit.HoldOrCloseAsync(connection, peer);
            }
        }

        return next(connection);
    }

    private bool DeniedByList(GlobalDropLists lists, IPAddress peer) =>
        lists.DeniedBy(peer) is not null
        && http01.IsEmpty && tlsAlpn.IsEmpty && !acme.InFlight;
}
