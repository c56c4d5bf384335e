using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>
/// The route form's editable state. It keeps the route it was opened with and saves that route
/// with only the form's fields changed, so a member the form does not show (or one added to the
/// API later) survives a save untouched; the store then validates exactly what the API would.
/// </summary>
public sealed class RouteFormModel
{
    /// <summary>The methods offered as check boxes; a route may name others through the API.</summary>
    public static IReadOnlyList<string> CommonMethods => Common;

    private static readonly string[] Common = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    // What the form started from: the stored route, or the API's defaults for a new one.
    private readonly RouteSpec _stored;

    public RouteFormModel()
        : this(new RouteSpec())
    {
    }

    private RouteFormModel(RouteSpec stored)
    {
        _stored = stored;
        Name = stored.Name;
        Hosts = [.. stored.Hosts];
        Path = stored.Path;
        Methods = [.. stored.Methods];
        Order = stored.Order;
        Targets = stored.Targets.Select(TargetFormRow.From).ToList();
        Sticky = stored.Sticky;
        Tls = stored.Tls;
        HttpsRedirect = stored.HttpsRedirect;
        HstsMaxAgeSeconds = stored.HstsMaxAgeSeconds;
        Compression = stored.Compression;
        AccessList = stored.AccessList;
        RateLimit = stored.RateLimit;
        SecurityHeaders = stored.SecurityHeaders;
        ContentSecurityPolicy = stored.ContentSecurityPolicy;
        MaxRequestBodyBytes = stored.MaxRequestBodyBytes;
    }

    public string Name { get; set; }
    public List<string> Hosts { get; set; }
    public string Path { get; set; }
    public List<string> Methods { get; set; }
    public int Order { get; set; }
    public List<TargetFormRow> Targets { get; set; }
    public bool Sticky { get; set; }
    public string Tls { get; set; }
    public bool HttpsRedirect { get; set; }
    public int HstsMaxAgeSeconds { get; set; }
    public bool Compression { get; set; }
    public string? AccessList { get; set; }
    public string? RateLimit { get; set; }
    public bool SecurityHeaders { get; set; }
    public string? ContentSecurityPolicy { get; set; }

    /// <summary>Null keeps the appliance's global limit.</summary>
    public long? MaxRequestBodyBytes { get; set; }

    /// <summary>Hosts typed but not yet turned into chips.</summary>
    public string? HostInput { get; set; }

    /// <summary>A form for <paramref name="route"/> as stored.</summary>
    public static RouteFormModel From(RouteSpec route) => new(route);

    /// <summary>The stored route with the form's fields applied.</summary>
    public RouteSpec ToSpec() => _stored with
    {
        Name = Name,
        Hosts = [.. Hosts],
        Path = Path,
        Methods = [.. Methods],
        Order = Order,
        Targets = Targets.Select(t => t.ToSpec()).ToArray(),
        Sticky = Sticky,
        Tls = Tls,
        HttpsRedirect = HttpsRedirect,
        HstsMaxAgeSeconds = HstsMaxAgeSeconds,
        Compression = Compression,
        AccessList = AccessList,
        RateLimit = RateLimit,
        SecurityHeaders = SecurityHeaders,
        ContentSecurityPolicy = ContentSecurityPolicy,
        MaxRequestBodyBytes = MaxRequestBodyBytes,
    };

    /// <summary>Turns every host typed into <see cref="HostInput"/>, separated by commas or spaces, into a chip, skipping ones already listed.</summary>
    public void AddTypedHosts()
    {
        foreach (var host in (HostInput ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                Hosts.Add(host);
            }
        }

        HostInput = "";
    }

    /// <summary>Turns a method on or off, keeping the list in the order the check boxes show.</summary>
    public void SetMethod(string method, bool on)
    {
        Methods.Remove(method);
        if (on)
        {
            Methods.Add(method);
            Methods = [.. Methods.OrderBy(m => Array.IndexOf(Common, m) is var i and >= 0 ? i : int.MaxValue)];
        }
    }

    /// <summary>Methods set through the API that have no check box; the form shows them so they can be removed.</summary>
    public IEnumerable<string> OtherMethods => Methods.Where(m => !Common.Contains(m, StringComparer.Ordinal));

    /// <summary>Adds a target on the first pool the route does not use yet: the common next step of a canary.</summary>
    public void AddTarget(IReadOnlyList<string> pools)
    {
        var unused = pools.FirstOrDefault(p => Targets.All(t => t.Pool != p)) ?? "";
        Targets.Add(new TargetFormRow { Pool = unused, Weight = Targets.Count == 0 ? 100 : 0 });
    }

    /// <summary>The target's share of the route's traffic in percent, as the proxy will split it.</summary>
    public double ShareOf(TargetFormRow target)
    {
        var total = Targets.Where(t => t.Weight > 0).Sum(t => t.Weight);
        return total == 0 || target.Weight <= 0 ? 0 : 100.0 * target.Weight / total;
    }
}
