using System.Globalization;
using Appliance.Data.Auditing;
using Appliance.Data.Bans;
using Appliance.Data.Entities;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// Makes and lifts bans: automatic ones when a client reaches a rule's threshold, and an operator's
/// through the API or the Security page (audited). Every ban takes effect on this node at once and
/// reaches the other nodes through Redis when it is configured (<see cref="BanSync"/>).
/// </summary>
public sealed partial class BanService(
    BanTable table,
    BanCounter counter,
    BanExemptions exemptions,
    BanStatistics statistics,
    BanChangeQueue changes,
    AuditLog audit,
    TimeProvider time,
    ILogger<BanService> logger)
{
    /// <summary>The rule name of an operator's bans in metrics.</summary>
    public const string ManualRule = "manual";

    public const int MaxSeconds = 30 * 86_400;
    public const int MaxReasonLength = 200;

    /// <summary>The bans in force on this node, the newest first.</summary>
    public IReadOnlyList<SharedBan> Active() => table.Active();

    /// <summary>Bans <paramref name="key"/> because it reached <paramref name="rule"/>'s threshold; <paramref name="detail"/> says with what.</summary>
    internal void BanAutomatically(CompiledBanRule rule, BanKey key, string detail)
    {
        var now = time.GetUtcNow();
        var ban = new SharedBan(key.ToString(), detail, rule.Name, null, now, now + rule.Duration);
        if (table.Add(key, ban, replace: false))
        {
            statistics.Banned(rule.Name);
            changes.Enqueue(new BanChange(key, ban, Replace: false));
            LogBanned(ban.Subject, rule.Name, (int)rule.Duration.TotalSeconds, detail);
        }
    }

    /// <summary>An operator's ban; it replaces a ban in force on the address, shorter or longer.</summary>
    public async Task<BanOutcome> BanAsync(ManualBanRequest request, string actor, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!BanKey.TryParse(request.Address, out var key))
        {
            errors["address"] = [$"'{request.Address}' is not an IPv4 or IPv6 address, nor an IPv6 /64 (2001:db8:1:2::/64)."];
        }
        else if (exemptions.WhyExempt(key) is { } exempt)
        {
            errors["address"] = [exempt];
        }

        if (request.Seconds is < 1 or > MaxSeconds)
        {
            errors["seconds"] = [$"Use 1 to {MaxSeconds} seconds (30 days)."];
        }

        var reason = request.Reason?.Trim();
        if (reason is { Length: > MaxReasonLength })
        {
            errors["reason"] = [$"Use at most {MaxReasonLength} characters."];
        }
        else if (reason is not null && reason.Any(char.IsControl))
        {
            errors["reason"] = ["Use one line of text, without control characters."];
        }

        if (errors.Count > 0)
        {
            return new BanOutcome { Errors = errors };
        }

        var now = time.GetUtcNow();
        var ban = new SharedBan(key.ToString(), string.IsNullOrEmpty(reason) ? "Banned by hand." : reason, null, actor, now, now.AddSeconds(request.Seconds));
        table.Add(key, ban, replace: true);
        statistics.Banned(ManualRule);
        changes.Enqueue(new BanChange(key, ban, Replace: true));
        await audit.RecordAsync(actor, AuditAction.Create, "ban", ban.Subject, new { reason = ban.Reason, seconds = request.Seconds, until = ban.Until }, cancellationToken);
        return new BanOutcome { Ban = ban };
    }

    /// <summary>Lifts the ban on <paramref name="address"/> (an address of a banned IPv6 /64 lifts the /64); the client starts counting afresh.</summary>
    public async Task<BanOutcome> UnbanAsync(string address, string actor, CancellationToken cancellationToken = default)
    {
        if (!BanKey.TryParse(address, out var key))
        {
            return BanOutcome.Invalid("address", $"'{address}' is not an IPv4 or IPv6 address, nor an IPv6 /64 (2001:db8:1:2::/64).");
        }

        var lifted = table.Remove(key);
        counter.ForgetAll(key);

        // Sent even when this node held none: another node may hold one this node has not read yet.
        changes.Enqueue(new BanChange(key, null, Replace: true));
        if (lifted is null)
        {
            return new BanOutcome { NotFound = true };
        }

        await audit.RecordAsync(actor, AuditAction.Delete, "ban", lifted.Subject, new { reason = lifted.Reason, rule = lifted.Rule, until = lifted.Until }, cancellationToken);
        return new BanOutcome { Ban = lifted };
    }

    /// <summary>"in 59 min", "in 3 h": how long until <paramref name="until"/>, for the page and messages.</summary>
    public static string Remaining(DateTimeOffset until, DateTimeOffset now)
    {
        var left = until - now;
        return left.TotalSeconds < 90 ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)left.TotalSeconds)} s")
            : left.TotalMinutes < 90 ? string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalMinutes} min")
            : left.TotalHours < 48 ? string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalHours} h")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalDays} d");
    }

    [LoggerMessage(EventId = 2701, Level = LogLevel.Information, Message = "Banned {Subject} for {Seconds} s by rule '{Rule}': {Detail}")]
    private partial void LogBanned(string subject, string rule, int seconds, string detail);
}
