using Appliance.Engine.Challenge;
using Appliance.Engine.Configuration;
using Appliance.Engine.GeoIp;
using Appliance.Engine.Security.Bans;

namespace Appliance.Engine.Security.TurnedAway;

/// <summary>
/// Puts the recorder's figures, the country database and the bans in force together into one
/// <see cref="UnderAttackReport"/>, for the API and the dashboard alike. Reads memory only.
/// </summary>
public sealed class UnderAttackReader(TurnedAwayRecorder recorder, CountryDatabase countries, BanService bans, SnapshotStore snapshots)
{
    /// <summary>The seconds the rates average over.</summary>
    public const int WindowSeconds = 10;

    /// <summary>The seconds the series covers.</summary>
    public const int SeriesSeconds = 60;

    private const int RecentBans = 5;

    /// <summary>The report as of now, with up to <paramref name="topAddresses"/> addresses and <paramref name="topCountries"/> countries.</summary>
    public UnderAttackReport Read(int topAddresses = 10, int topCountries = 10)
    {
        var series = recorder.Series(SeriesSeconds);
        var rates = new Dictionary<string, double>(TurnedAwayReasons.Count, StringComparer.Ordinal);
        var lastMinute = 0L;
        foreach (var reason in TurnedAwayReasons.All)
        {
            var i = (int)reason;
            rates[reason.ToString()] = series.Skip(series.Count - WindowSeconds).Sum(s => s.ByReason[i]) / (double)WindowSeconds;
            lastMinute += series.Sum(s => s.ByReason[i]);
        }

        var active = bans.Active();
        return new UnderAttackReport(
            WindowSeconds,
            rates,
            lastMinute,
            series.Select(Second).ToArray(),
            TurnedAwayRecorder.OffenderWindowSeconds,
            recorder.Top(topAddresses).Select(o => new TurnedAwayOffender(
                o.Address.ToString(), countries.IsConfigured ? countries.FindCountry(o.Address.Address()) : null, o.Count, o.Reasons.Select(r => r.ToString()).ToArray())).ToArray(),
            Countries(topCountries),
            new UnderAttackBans(active.Count, active.OrderByDescending(b => b.Since).Take(RecentBans).ToArray()),

            // The switch as the data plane serves it, which trails a save by the moments a revision takes.
            UnderAttack: snapshots.Current.Parts.Get<UnderAttackState>()?.On == true);
    }

    // Summed over the addresses the top list tracks, not over every refusal: a lookup per refusal
    // would cost a flood a database read each. The heavy hitters that matter are all tracked.
    private IReadOnlyList<TurnedAwayCountry> Countries(int take)
    {
        if (!countries.IsConfigured)
        {
            return [];
        }

        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (address, count) in recorder.Tracked())
        {
            if (countries.FindCountry(address.Address()) is { } country)
            {
                sums[country] = sums.GetValueOrDefault(country) + count;
            }
        }

        return sums.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(take)
            .Select(c => new TurnedAwayCountry(c.Key, c.Value)).ToArray();
    }

    private static TurnedAwaySecond Second((int SecondsAgo, long[] ByReason) second)
    {
        var byReason = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var reason in TurnedAwayReasons.All)
        {
            if (second.ByReason[(int)reason] is > 0 and var count)
            {
                byReason[reason.ToString()] = count;
            }
        }

        return new TurnedAwaySecond(second.SecondsAgo, second.ByReason.Sum(), byReason);
    }
}
