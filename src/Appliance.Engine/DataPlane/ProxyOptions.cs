using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Appliance.Engine.DataPlane;

/// <summary>Settings of the data plane, bound from <c>Appliance:Proxy</c> and checked at start.</summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string SectionName = "Appliance:Proxy";

    /// <summary>Port of the plain-HTTP data plane; 0 picks a free one (tests).</summary>
    [Range(0, 65535)]
    public int HttpPort { get; set; } = 8080;

    /// <summary>Port of the HTTPS data plane (certificates chosen by SNI); 0 picks a free one (tests).</summary>
    [Range(0, 65535)]
    public int HttpsPort { get; set; } = 8443;

    /// <summary>
    /// The HTTPS port clients see, for redirects from HTTP: 0 means <see cref="HttpsPort"/>. Set it
    /// when a NAT or container maps the appliance's port (443 outside for 8443 inside).
    /// </summary>
    [Range(0, 65535)]
    public int PublicHttpsPort { get; set; }

    /// <summary>
    /// Addresses and CIDR ranges of proxies in front of the appliance (a load balancer, a CDN): only
    /// a request from one of them has its client address taken from X-Forwarded-For.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary><see cref="TrustedProxies"/> parsed; entries that do not parse are refused at start.</summary>
    public System.Net.IPNetwork[] TrustedNetworks() => Appliance.Data.Networking.NetworkRanges.ParseAll(TrustedProxies);

    /// <summary>Address to listen on: <c>*</c> for every interface (IPv4 and IPv6), or one IP address.</summary>
    public string BindAddress { get; set; } = "*";

    /// <summary>One node's poll when <see cref="ConfigPollSeconds"/> is not set: its own changes signal at once.</summary>
    public const int SingleNodePollSeconds = 5;

    /// <summary>
    /// Seconds between polls of the configuration revision (the in-process signal, and on PostgreSQL
    /// the other nodes' NOTIFY, are immediate). Unset: <see cref="SingleNodePollSeconds"/> on SQLite,
    /// <c>Appliance:Cluster:PollSeconds</c> (1) on PostgreSQL, where the poll catches a lost notification.
    /// </summary>
    [Range(1, 3600)]
    public int? ConfigPollSeconds { get; set; }

    /// <summary>Seconds a backend may stay silent while answering before the client gets 504.</summary>
    [Range(1, 3600)]
    public int BackendTimeoutSeconds { get; set; } = 100;

    /// <summary>Seconds a backend that failed on live traffic stays out before it is tried again.</summary>
    [Range(1, 3600)]
    public int PassiveReactivationSeconds { get; set; } = 30;

    /// <summary>Seconds that in-flight requests get to finish at shutdown.</summary>
    [Range(0, 3600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// <c>;</c> path parameters: <c>Strip</c> (the default) removes them from every segment before
    /// matching and forwarding; <c>Reject</c> answers 400 to a raw <c>;</c> in the path, for backends
    /// where it is data (<c>/files/report;v2.pdf</c>).
    /// </summary>
    [EnumDataType(typeof(Routing.PathParameterMode), ErrorMessage = "The field {0} must be Strip or Reject.")]
    public Routing.PathParameterMode PathParameters { get; set; } = Routing.PathParameterMode.Strip;

    /// <summary>Whether connections arrive through a TCP balancer that sends the PROXY protocol.</summary>
    [ValidateObjectMembers]
    public ProxyProtocol.ProxyProtocolOptions ProxyProtocol { get; set; } = new();

    /// <summary>How basic authentication resists password guessing.</summary>
    [ValidateObjectMembers]
    public Security.Shield.BasicAuthOptions BasicAuth { get; set; } = new();

    /// <summary>Kestrel limits that shield the backends from slow and greedy clients.</summary>
    [ValidateObjectMembers]
    public ProxyLimitsOptions Limits { get; set; } = new();

    /// <summary>Socket, Kestrel and backend-client switches that trade safety margins for CPU per request.</summary>
    [ValidateObjectMembers]
    public TransportOptions Transport { get; set; } = new();

    public TimeSpan ConfigPollInterval => TimeSpan.FromSeconds(ConfigPollSeconds ?? SingleNodePollSeconds);

    /// <summary>The rules that span fields or parse values; single-field bounds are on the properties.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HttpsPort != 0 && HttpsPort == HttpPort)
        {
            yield return new ValidationResult("must differ from HttpPort.", [nameof(HttpsPort)]);
        }

        foreach (var proxy in TrustedProxies)
        {
            if (!Appliance.Data.Networking.NetworkRanges.TryParse(proxy, out _))
            {
                yield return new ValidationResult($"has '{proxy}', which is not an address or CIDR range.", [nameof(TrustedProxies)]);
            }
        }

        if (BindAddress != "*" && !System.Net.IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult("must be '*' or an IP address.", [nameof(BindAddress)]);
        }
    }
}
