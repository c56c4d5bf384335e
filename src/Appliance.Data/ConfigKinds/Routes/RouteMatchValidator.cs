using System.Text.RegularExpressions;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>What a route matches: its name, hosts, path prefix and methods.</summary>
internal sealed partial class RouteMatchValidator : IConfigValidator<RouteSpec>
{
    public const int MaxHosts = 64;

    public void Validate(RouteSpec route, ConfigValidationContext context, ValidationErrors errors)
    {
        NameRule.Check(route.Name, errors);
        ValidateHosts(route.Hosts, errors);
        ValidatePath(route.Path, errors);
        ValidateMethods(route.Methods, errors);
    }

    private static void ValidateHosts(IReadOnlyList<string> hosts, ValidationErrors errors)
    {
        if (hosts is null)
        {
            errors.Add("hosts", "Hosts are required (an empty list matches any host).");
            return;
        }

        if (hosts.Count > MaxHosts)
        {
            errors.Add("hosts", $"A route has at most {MaxHosts} hosts.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < hosts.Count; i++)
        {
            if (!HostNames.IsValid(hosts[i]))
            {
                errors.Add($"hosts[{i}]", $"'{hosts[i]}' is not a host name; use example.com, *.example.com or host:port.");
            }
            else if (!seen.Add(hosts[i]))
            {
                errors.Add($"hosts[{i}]", $"'{hosts[i]}' is listed twice.");
            }
        }
    }

    /// <summary>Refuses what is not a path prefix such as <c>/</c> or <c>/api/v1</c>, under <paramref name="field"/>.</summary>
    internal static void ValidatePath(string? path, ValidationErrors errors, string field = "path")
    {
        if (string.IsNullOrEmpty(path) || !PathPattern().IsMatch(path)
            || path.Split('/').Any(segment => segment is "." or ".."))
        {
            errors.Add(field, $"The {field} must be a prefix such as / or /api/v1: it starts with '/', and has no '//', '.', '..', '%', '?', '#', '{{' or '}}'.");
        }
    }

    // The methods YARP's route matcher accepts (its MethodsValidator); a route naming another would
    // pass here and then be refused when the snapshot is built, and with it every later revision.
    private static readonly string[] Matchable = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];

    private static void ValidateMethods(IReadOnlyList<string> methods, ValidationErrors errors)
    {
        if (methods is null)
        {
            errors.Add("methods", "Methods are required (an empty list matches any method).");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < methods.Count; i++)
        {
            if (!MethodPattern().IsMatch(methods[i]))
            {
                errors.Add($"methods[{i}]", $"'{methods[i]}' is not an HTTP method.");
            }
            else if (!Matchable.Contains(methods[i]))
            {
                errors.Add($"methods[{i}]", $"A route cannot match '{methods[i]}' by name: name only {string.Join(", ", Matchable)}, or leave methods empty to match every method (WebDAV's and other extension methods included).");
            }
            else if (!seen.Add(methods[i]))
            {
                errors.Add($"methods[{i}]", $"'{methods[i]}' is listed twice.");
            }
        }
    }

    [GeneratedRegex(@"^/([A-Za-z0-9\-._~!$&'()*+,;=:@]+(/[A-Za-z0-9\-._~!$&'()*+,;=:@]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();

    [GeneratedRegex("^[A-Z]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex MethodPattern();
}
