using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>The route form's editable state; it becomes a <see cref="RouteSpec"/> only when saved, so the store validates exactly what the API would.</summary>
public sealed class RouteFormModel
{
    /// <summary>The methods offered as check boxes; a route may name others through the API.</summary>
    public static IReadOnlyList<string> CommonMethods => Common;

    private static readonly string[] Common = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public string Name { get; set; } = "";
    public List<string> Hosts { get; set; } = [];
    public string Path { get; set; } = "/";
    public List<string> Methods { get; set; } = [];
    public int Order { get; set; }
    public List<TargetFormRow> Targets { get; set; } = [];
    public bool Sticky { get; set; }
    public string Tls { get; set; } = TlsModes.Off;
    public bool HttpsRedirect { get; set; }
    public int HstsMaxAgeSeconds { get; set; }
    public bool Compression { get; set; } = true;
    public string? AccessList { get; set; }
    public string? RateLimit { get; set; }

    public static RouteFormModel From(RouteSpec route) => new()
    {
        Name = route.Name,
        Hosts = [.. route.Hosts],
        Path = route.Path,
        Methods = [.. route.Methods],
        Order = route.Order,
        Targets = route.Targets.Select(TargetFormRow.From).ToList(),
        Sticky = route.Sticky,
        Tls = route.Tls,
        HttpsRedirect = route.HttpsRedirect,
        HstsMaxAgeSeconds = route.HstsMaxAgeSeconds,
        Compression = route.Compression,
        AccessList = route.AccessList,
        RateLimit = route.RateLimit,
    };

    public RouteSpec ToSpec() => new()
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
    };

    /// <summary>Adds every host typed into <paramref name="text"/>, separated by commas or spaces, skipping ones already listed.</summary>
    public void AddHosts(string? text)
    {
        foreach (var host in (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                Hosts.Add(host);
            }
        }
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

    /// <summary>The target's share of the route's traffic in percent, as the proxy will split it.</summary>
    public double ShareOf(TargetFormRow target)
    {
        var total = Targets.Where(t => t.Weight > 0).Sum(t => t.Weight);
        return total == 0 || target.Weight <= 0 ? 0 : 100.0 * target.Weight / total;
    }
}
