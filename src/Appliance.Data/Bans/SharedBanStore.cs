using System.Globalization;
using System.Text.Json;
using Appliance.Data.Counters;
using StackExchange.Redis;

namespace Appliance.Data.Bans;

/// <summary>
/// The bans every node enforces, kept in Redis when <c>Appliance:Redis:Configuration</c> is set
/// (<see cref="SharedBanScripts"/>). Nodes write their bans here and poll <see cref="VersionAsync"/>,
/// reading the whole table only when it changed. Every method answers null (or false) when Redis
/// cannot be asked within <see cref="RedisOptions.TimeoutMilliseconds"/>: the caller keeps its own
/// table and tries again later. Never called on the request path.
/// </summary>
public sealed class SharedBanStore(RedisConnection connection, RedisOptions options, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly RedisKey[] _keys = [options.KeyPrefix + "bans", options.KeyPrefix + "bans:info", options.KeyPrefix + "bans:version"];
    private readonly TimeSpan _timeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds);

    /// <summary>Whether bans are shared at all: false without Redis configured, and nothing here is ever tried.</summary>
    public bool IsEnabled => options.IsConfigured;

    /// <summary>
    /// Writes <paramref name="ban"/>; a ban that lasts longer stays unless <paramref name="replace"/>
    /// (an operator's ban replaces). Past <paramref name="capacity"/> bans, those ending soonest go.
    /// Null when Redis could not be asked; otherwise whether it was written.
    /// </summary>
    public async Task<bool?> AddAsync(SharedBan ban, int capacity, bool replace)
    {
        var result = await EvaluateAsync(SharedBanScripts.Add,
            ban.Subject,
            ban.Until.ToUnixTimeMilliseconds(),
            JsonSerializer.Serialize(ban, Json),
            time.GetUtcNow().ToUnixTimeMilliseconds(),
            capacity,
            replace ? 1 : 0,
            NewVersion());
        return result is null ? null : (long)result == 1;
    }

    /// <summary>Lifts the ban of <paramref name="subject"/>; null when Redis could not be asked, else whether there was one.</summary>
    public async Task<bool?> RemoveAsync(string subject)
    {
        var result = await EvaluateAsync(SharedBanScripts.Remove, subject, NewVersion());
        return result is null ? null : (long)result == 1;
    }

    /// <summary>The token that changes with every change to the bans ("" when there are none); null when Redis could not be asked.</summary>
    public async Task<string?> VersionAsync()
    {
        if (connection.Database is not { } database)
        {
            return null;
        }

        try
        {
            var version = await database.StringGetAsync(_keys[2]).WaitAsync(_timeout);
            return version.IsNull ? "" : version.ToString();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Every ban still in force and the version it was read at; null when Redis could not be asked.</summary>
    public async Task<(string Version, IReadOnlyList<SharedBan> Bans)?> ReadAsync()
    {
        var result = await EvaluateAsync(SharedBanScripts.Read);
        if (result is null)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        var now = time.GetUtcNow();
        var bans = new List<SharedBan>();
        foreach (var item in (RedisResult[])parts[1]!)
        {
            // A ban another version wrote in a shape this one cannot read is skipped, not fatal.
            if (TryRead((string?)item) is { } ban && ban.Until > now)
            {
                bans.Add(ban);
            }
        }

        return ((string?)parts[0] ?? "", bans);
    }

    private static SharedBan? TryRead(string? json)
    {
        try
        {
            return json is null ? null : JsonSerializer.Deserialize<SharedBan>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string NewVersion() => Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    private async Task<RedisResult?> EvaluateAsync(string script, params RedisValue[] arguments)
    {
        if (connection.Database is not { } database)
        {
            return null;
        }

        try
        {
            return await database.ScriptEvaluateAsync(script, _keys, arguments).WaitAsync(_timeout);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return null;
        }
    }
}
