namespace Appliance.Engine.DataPlane;

/// <summary>Settings of the data plane, bound from <c>Appliance:Proxy</c>.</summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Appliance:Proxy";

    /// <summary>Port of the plain-HTTP data plane; 0 picks a free one (tests).</summary>
    public int HttpPort { get; set; } = 8080;

    /// <summary>Port of the HTTPS data plane (certificates chosen by SNI); 0 picks a free one (tests).</summary>
    public int HttpsPort { get; set; } = 8443;

    /// <summary>
    /// The HTTPS port clients see, for redirects from HTTP: 0 means <see cref="HttpsPort"/>. Set it
    /// when a NAT or container maps the appliance's port (443 outside for 8443 inside).
    /// </summary>
    public int PublicHttpsPort { get; set; }

    /// <summary>
    /// Addresses and CIDR ranges of proxies in front of the appliance (a load balancer, a CDN): only
    /// a request from one of them has its client address taken from X-Forwarded-For.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary><see cref="TrustedProxies"/> parsed; entries that do not parse are refused by <see cref="Validate"/> at start.</summary>
    public System.Net.IPNetwork[] TrustedNetworks() => Appliance.Data.Networking.NetworkRanges.ParseAll(TrustedProxies);

    /// <summary>Address to listen on: <c>*</c> for every interface (IPv4 and IPv6), or one IP address.</summary>
    public string BindAddress { get; set; } = "*";

    /// <summary>Seconds between polls of the configuration revision (the in-process signal is immediate).</summary>
    public int ConfigPollSeconds { get; set; } = 5;

    /// <summary>Seconds a backend may stay silent while answering before the client gets 504.</summary>
    public int BackendTimeoutSeconds { get; set; } = 100;

    /// <summary>Seconds a backend that failed on live traffic stays out before it is tried again.</summary>
    public int PassiveReactivationSeconds { get; set; } = 30;

    /// <summary>Seconds that in-flight requests get to finish at shutdown.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>How basic authentication resists password guessing.</summary>
    public Security.Shield.BasicAuthOptions BasicAuth { get; set; } = new();

    /// <summary>Kestrel limits that shield the backends from slow and greedy clients.</summary>
    public ProxyLimitsOptions Limits { get; set; } = new();

    public TimeSpan ConfigPollInterval => TimeSpan.FromSeconds(ConfigPollSeconds);

    /// <summary>Problems with the settings, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (HttpPort is < 0 or > 65535)
        {
            problems.Add($"{SectionName}:HttpPort must be between 0 and 65535.");
        }

        if (HttpsPort is < 0 or > 65535)
        {
            problems.Add($"{SectionName}:HttpsPort must be between 0 and 65535.");
        }

        if (HttpsPort != 0 && HttpsPort == HttpPort)
        {
            problems.Add($"{SectionName}:HttpsPort must differ from HttpPort.");
        }

        if (PublicHttpsPort is < 0 or > 65535)
        {
            problems.Add($"{SectionName}:PublicHttpsPort must be between 0 and 65535.");
        }

        foreach (var proxy in TrustedProxies)
        {
            if (!Appliance.Data.Networking.NetworkRanges.TryParse(proxy, out _))
            {
                problems.Add($"{SectionName}:TrustedProxies: '{proxy}' is not an address or CIDR range.");
            }
        }

        if (BindAddress != "*" && !System.Net.IPAddress.TryParse(BindAddress, out _))
        {
            problems.Add($"{SectionName}:BindAddress must be '*' or an IP address.");
        }

        if (ConfigPollSeconds is < 1 or > 3600)
        {
            problems.Add($"{SectionName}:ConfigPollSeconds must be between 1 and 3600.");
        }

        if (BackendTimeoutSeconds is < 1 or > 3600)
        {
            problems.Add($"{SectionName}:BackendTimeoutSeconds must be between 1 and 3600.");
        }

        if (PassiveReactivationSeconds is < 1 or > 3600)
        {
            problems.Add($"{SectionName}:PassiveReactivationSeconds must be between 1 and 3600.");
        }

        if (ShutdownTimeoutSeconds is < 0 or > 3600)
        {
            problems.Add($"{SectionName}:ShutdownTimeoutSeconds must be between 0 and 3600.");
        }

        problems.AddRange(Limits.Validate($"{SectionName}:Limits"));
        problems.AddRange(BasicAuth.Validate($"{SectionName}:BasicAuth"));
        return problems;
    }
}
