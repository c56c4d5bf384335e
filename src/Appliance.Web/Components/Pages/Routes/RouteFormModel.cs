using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>
/// The route form's editable state: the route it was opened with (or the API's defaults for a new
/// one), changed only in the fields the form shows; see <see cref="FormModel{TSpec}"/>.
/// </summary>
public sealed class RouteFormModel : FormModel<RouteSpec>
{
    private const decimal NewMirrorPercent = 10;

    private static readonly string[] Common = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public RouteFormModel() =>
        (Targets, Headers, Query, Cookies, RequestHeaders, ResponseHeaders) = ([], [], [], [], new(Spec.RequestHeaders), new(Spec.ResponseHeaders));

    /// <summary>A form for <paramref name="route"/> as stored.</summary>
    public RouteFormModel(RouteSpec route)
        : base(route)
    {
        Targets = route.Targets.Select(target => new TargetFormRow(target)).ToList();
        Headers = route.Headers.Select(c => new ConditionFormRow(c)).ToList();
        Query = route.Query.Select(c => new ConditionFormRow(c)).ToList();
        Cookies = route.Cookies.Select(c => new ConditionFormRow(c)).ToList();
        RequestHeaders = new(route.RequestHeaders);
        ResponseHeaders = new(route.ResponseHeaders);
    }

    /// <summary>The methods offered as check boxes; a route may also name TRACE through the API.</summary>
    public static IReadOnlyList<string> CommonMethods => Common;

    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    /// <summary>Changed through <see cref="AddTypedHosts"/> and <see cref="RemoveHost"/>.</summary>
    public IReadOnlyList<string> Hosts => Spec.Hosts;

    public string Path { get => Spec.Path; set => Spec = Spec with { Path = value }; }

    /// <summary>Changed through <see cref="SetMethod"/>.</summary>
    public IReadOnlyList<string> Methods => Spec.Methods;

    public int Order { get => Spec.Order; set => Spec = Spec with { Order = value }; }

    public List<TargetFormRow> Targets { get; }

    public List<ConditionFormRow> Headers { get; }

    public List<ConditionFormRow> Query { get; }

    public List<ConditionFormRow> Cookies { get; }

    /// <summary>Blank forwards the path as it is.</summary>
    public string? RewritePath { get => Spec.RewritePath; set => Spec = Spec with { RewritePath = string.IsNullOrWhiteSpace(value) ? null : value }; }

    /// <summary>On: the route answers with a redirect and has no targets.</summary>
    public bool Redirects
    {
        get => Spec.Redirect is not null;
        set => Spec = Spec with { Redirect = value ? Spec.Redirect ?? new RedirectSpec() : null };
    }

    public string RedirectLocation { get => Spec.Redirect?.Location ?? ""; set => Spec = Spec with { Redirect = (Spec.Redirect ?? new()) with { Location = value } }; }

    public int RedirectStatus { get => Spec.Redirect?.Status ?? 302; set => Spec = Spec with { Redirect = (Spec.Redirect ?? new()) with { Status = value } }; }

    public bool RedirectKeepQuery { get => Spec.Redirect?.KeepQuery ?? true; set => Spec = Spec with { Redirect = (Spec.Redirect ?? new()) with { KeepQuery = value } }; }

    /// <summary>On: a share of the forwarded requests is copied to a shadow pool. Turned on, it proposes a cautious 10 %.</summary>
    public bool Mirrors
    {
        get => Spec.Mirror is not null;
        set => Spec = Spec with { Mirror = value ? Spec.Mirror ?? new MirrorSpec { Percent = NewMirrorPercent } : null };
    }

    public string MirrorPool { get => Spec.Mirror?.Pool ?? ""; set => Spec = Spec with { Mirror = (Spec.Mirror ?? new()) with { Pool = value } }; }

    public decimal MirrorPercent { get => Spec.Mirror?.Percent ?? NewMirrorPercent; set => Spec = Spec with { Mirror = (Spec.Mirror ?? new()) with { Percent = value } }; }

    public bool Sticky { get => Spec.Sticky; set => Spec = Spec with { Sticky = value }; }

    public string Tls { get => Spec.Tls; set => Spec = Spec with { Tls = value }; }

    public bool HttpsRedirect { get => Spec.HttpsRedirect; set => Spec = Spec with { HttpsRedirect = value }; }

    public int HstsMaxAgeSeconds { get => Spec.HstsMaxAgeSeconds; set => Spec = Spec with { HstsMaxAgeSeconds = value }; }

    public bool Compression { get => Spec.Compression; set => Spec = Spec with { Compression = value }; }

    public string? AccessList { get => Spec.AccessList; set => Spec = Spec with { AccessList = value }; }

    public string? RateLimit { get => Spec.RateLimit; set => Spec = Spec with { RateLimit = value }; }

    public bool SecurityHeaders { get => Spec.SecurityHeaders; set => Spec = Spec with { SecurityHeaders = value }; }

    public string? ContentSecurityPolicy { get => Spec.ContentSecurityPolicy; set => Spec = Spec with { ContentSecurityPolicy = value }; }

    /// <summary>Null keeps the appliance's global limit.</summary>
    public long? MaxRequestBodyBytes { get => Spec.MaxRequestBodyBytes; set => Spec = Spec with { MaxRequestBodyBytes = value }; }

    /// <summary>Headers set on and removed from the backend's request.</summary>
    public HeaderRulesFormModel RequestHeaders { get; }

    /// <summary>Headers set on and removed from the route's responses.</summary>
    public HeaderRulesFormModel ResponseHeaders { get; }

    public bool MaintenanceEnabled { get => Spec.Maintenance.Enabled; set => Spec = Spec with { Maintenance = Spec.Maintenance with { Enabled = value } }; }

    public int MaintenanceRetryAfterSeconds { get => Spec.Maintenance.RetryAfterSeconds; set => Spec = Spec with { Maintenance = Spec.Maintenance with { RetryAfterSeconds = value } }; }

    /// <summary>The allowed addresses and ranges, one a line.</summary>
    public string MaintenanceAllowText
    {
        get => string.Join('\n', Spec.Maintenance.Allow);
        set => Spec = Spec with { Maintenance = Spec.Maintenance with { Allow = (value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) } };
    }

    public string ChallengeMode { get => Spec.Challenge.Mode; set => Spec = Spec with { Challenge = Spec.Challenge with { Mode = value } }; }

    public int ChallengeDifficulty { get => Spec.Challenge.Difficulty; set => Spec = Spec with { Challenge = Spec.Challenge with { Difficulty = value } }; }

    public int ChallengeValidMinutes { get => Spec.Challenge.ValidMinutes; set => Spec = Spec with { Challenge = Spec.Challenge with { ValidMinutes = value } }; }

    /// <summary>Hosts typed but not yet turned into chips.</summary>
    public string? HostInput { get; set; }

    /// <summary>A method without a check box (<c>TRACE</c>; the store refuses extension methods with its reason) typed but not yet added.</summary>
    public string? MethodInput { get; set; }

    /// <summary>Methods without a check box, set through the API or typed; the form shows them so they can be removed.</summary>
    public IEnumerable<string> OtherMethods => Methods.Where(m => !Common.Contains(m, StringComparer.Ordinal));

    /// <inheritdoc />
    public override RouteSpec ToSpec() => Spec with
    {
        // A redirect route forwards nowhere: the targets table and the mirror are hidden while it redirects.
        Targets = Redirects ? [] : Targets.Select(target => target.ToSpec()).ToArray(),
        Mirror = Redirects ? null : Spec.Mirror,
        Headers = Headers.Select(c => c.ToSpec()).ToArray(),
        Query = Query.Select(c => c.ToSpec()).ToArray(),
        Cookies = Cookies.Select(c => c.ToSpec()).ToArray(),
        RequestHeaders = RequestHeaders.ToSpec(),
        ResponseHeaders = ResponseHeaders.ToSpec(),
    };

    /// <summary>The field and message for a header two rows of one side set, which the form refuses before the store is asked; null when there is none.</summary>
    public (string Field, string Message)? TwiceSetHeader() =>
        (RequestHeaders.TwiceSetName, ResponseHeaders.TwiceSetName) switch
        {
            ({ } name, _) => ($"requestHeaders.set.{name}", $"{name} is set by two rows; keep one."),
            (_, { } name) => ($"responseHeaders.set.{name}", $"{name} is set by two rows; keep one."),
            _ => null,
        };

    /// <summary>Turns every host typed into <see cref="HostInput"/>, separated by commas or spaces, into a chip, skipping ones already listed.</summary>
    public void AddTypedHosts()
    {
        var hosts = Hosts.ToList();
        foreach (var host in (HostInput ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                hosts.Add(host);
            }
        }

        // Saving calls this too: with nothing typed, the stored list stays the very one stored.
        if (hosts.Count != Hosts.Count)
        {
            Spec = Spec with { Hosts = hosts };
        }

        HostInput = "";
    }

    /// <summary>Adds the method typed into <see cref="MethodInput"/>, upper-cased as the store keeps it; the store checks that it is a token.</summary>
    public void AddTypedMethod()
    {
        var method = (MethodInput ?? "").Trim().ToUpperInvariant();

        // Saving calls this too: with nothing typed, the stored list stays the very one stored.
        if (method.Length > 0 && !Methods.Contains(method, StringComparer.Ordinal))
        {
            SetMethod(method, on: true);
        }

        MethodInput = "";
    }

    /// <summary>Removes the host chip at <paramref name="index"/>.</summary>
    public void RemoveHost(int index) => Spec = Spec with { Hosts = Hosts.Where((_, i) => i != index).ToArray() };

    /// <summary>Turns a method on or off, keeping the list in the order the check boxes show.</summary>
    public void SetMethod(string method, bool on)
    {
        var methods = Methods.ToList();
        methods.Remove(method);
        if (on)
        {
            methods.Add(method);
            methods = [.. methods.OrderBy(m => Array.IndexOf(Common, m) is var i and >= 0 ? i : int.MaxValue)];
        }

        Spec = Spec with { Methods = methods };
    }

    /// <summary>
    /// Adds a target on the first of <paramref name="pools"/> the route does not use yet, the common
    /// next step of a canary, or on none (the picker left empty) when it uses them all. The form
    /// passes only pools with an enabled backend.
    /// </summary>
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
