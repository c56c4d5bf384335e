using System.ComponentModel.DataAnnotations;
using System.Net;
using StackExchange.Redis;

namespace Appliance.Data.Counters;

/// <summary>
/// Where the counters that several nodes share live, bound from <c>Appliance:Redis</c>. Without a
/// <see cref="Configuration"/> every count stays in the node's memory and no Redis code runs.
/// </summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Appliance:Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>redis1:6379,password=…,ssl=true</c>); unset
    /// keeps rate limits and failure counts per node. Never logged: it may hold a password.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Put in front of every key, so that several appliances (or other programs) can share one Redis.</summary>
    [RegularExpression(@"^[A-Za-z0-9:_.\-]{0,64}$", ErrorMessage = "Appliance:Redis:KeyPrefix may hold up to 64 letters, digits and : _ . - only.")]
    public string KeyPrefix { get; set; } = "appliance:";

    /// <summary>
    /// How long a request waits for Redis before it counts locally instead. Short: a slow Redis must
    /// never slow traffic down.
    /// </summary>
    [Range(10, 5_000, ErrorMessage = "Appliance:Redis:TimeoutMilliseconds must be between 10 and 5000.")]
    public int TimeoutMilliseconds { get; set; } = 250;

    /// <summary>After Redis failed or was too slow, seconds of counting locally before it is tried again.</summary>
    [Range(1, 300, ErrorMessage = "Appliance:Redis:RetrySeconds must be between 1 and 300.")]
    public int RetrySeconds { get; set; } = 5;

    /// <summary>Whether shared counters are asked for at all.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);

    /// <summary>
    /// The servers of <see cref="Configuration"/> as <c>host:port</c>, for display: only the endpoints
    /// are taken from the string, never its password, user or other options. Empty when unset or unreadable.
    /// </summary>
    public IReadOnlyList<string> Servers()
    {
        if (!IsConfigured)
        {
            return [];
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(Configuration!);
            parsed.SetDefaultPorts();
            return parsed.EndPoints.Select(Display).ToArray();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException)
        {
            // Refused at start by the validator; a display never repeats the string to explain.
            return [];
        }
    }

    private static string Display(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        IPEndPoint ip => ip.ToString(),
        _ => endPoint.GetType().Name,
    };
}
