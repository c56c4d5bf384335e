using System.Text.RegularExpressions;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>
/// A route's request and response header rules: names are RFC 9110 tokens the rules may touch
/// (<see cref="ReservedHeaders"/>), values are printable ASCII on one line with known placeholders
/// only, counts and lengths are bounded, and no name is both set and removed. Messages name the
/// field as <c>requestHeaders.set.X-Env</c> and <c>responseHeaders.remove[0]</c>.
/// </summary>
internal sealed partial class RouteHeaderRulesValidator : IConfigValidator<RouteSpec>
{
    public const int MaxRules = 32;
    public const int MaxNameLength = 256;
    public const int MaxValueLength = 4096;

    public void Validate(RouteSpec route, ConfigValidationContext context, ValidationErrors errors)
    {
        Check("requestHeaders", route.RequestHeaders, (name, removing) => ReservedHeaders.RequestReason(name, removing), errors);
        Check("responseHeaders", route.ResponseHeaders, (name, _) => ReservedHeaders.ResponseReason(name, route), errors);
    }

    private static void Check(string field, HeaderRulesSpec? rules, Func<string, bool, string?> reserved, ValidationErrors errors)
    {
        if (rules?.Set is null || rules.Remove is null)
        {
            errors.Add(field, "Set and remove are required (an empty object and an empty list change nothing).");
            return;
        }

        if (rules.Set.Count > MaxRules || rules.Remove.Count > MaxRules)
        {
            errors.Add(field, $"At most {MaxRules} headers are set and {MaxRules} removed on each side.");
        }

        var removed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Remove.Count; i++)
        {
            var name = rules.Remove[i];
            var at = $"{field}.remove[{i}]";
            if (NameProblem(name, removing: true, reserved) is { } problem)
            {
                errors.Add(at, problem);
            }
            else if (!removed.Add(name))
            {
                errors.Add(at, $"{name} is already removed.");
            }
        }

        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in rules.Set)
        {
            var at = $"{field}.set.{name}";
            if (NameProblem(name, removing: false, reserved) is { } problem)
            {
                errors.Add(at, problem);
                continue;
            }

            if (!set.Add(name))
            {
                errors.Add(at, $"{name} is set twice (header names ignore case); keep one.");
            }
            else if (removed.Contains(name))
            {
                errors.Add(at, $"{name} is both set and removed; setting it already replaces the value it had, so drop it from remove.");
            }

            if (ValueProblem(name, value) is { } valueProblem)
            {
                errors.Add(at, valueProblem);
            }
        }
    }

    private static string? NameProblem(string? name, bool removing, Func<string, bool, string?> reserved)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !TokenPattern().IsMatch(name))
        {
            return $"'{name}' is not a valid header name (1 to {MaxNameLength} letters, digits and !#$%&'*+-.^_`|~).";
        }

        return reserved(name, removing) is { } reason ? $"{name} {reason}" : null;
    }

    private static string? ValueProblem(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "A value is required; to drop the header, list it under remove.";
        }

        if (value.Length > MaxValueLength || value.Any(c => c is < ' ' or > '~'))
        {
            return $"A value is at most {MaxValueLength} printable ASCII characters on one line: no line breaks or other control characters.";
        }

        var rest = HeaderPlaceholders.All.Aggregate(value, (text, placeholder) => text.Replace(placeholder, "", StringComparison.Ordinal));
        if (rest.Contains('{') || rest.Contains('}'))
        {
            return $"The placeholders are {string.Join(", ", HeaderPlaceholders.All)}; no other braces are allowed.";
        }

        return name.Equals("Host", StringComparison.OrdinalIgnoreCase) ? HostProblem(value) : null;
    }

    // The backend's Host: a name or address with an optional port, or the client's own through {host}.
    private static string? HostProblem(string value)
    {
        const string Message = "Host is a host name or address with an optional port (backend.internal, 10.0.0.5:8080); of the placeholders only {host} fits it.";
        if (value.Contains(HeaderPlaceholders.ClientIp, StringComparison.Ordinal) || value.Contains(HeaderPlaceholders.RequestId, StringComparison.Ordinal))
        {
            return Message;
        }

        var sample = value.Replace(HeaderPlaceholders.Host, "example.com", StringComparison.Ordinal);
        return Uri.TryCreate("http://" + sample + "/", UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, sample, StringComparison.OrdinalIgnoreCase) || IsHostWithDefaultPort(sample)
            ? null
            : Message;
    }

    // "example.com:80" has the authority "example.com" once Uri drops the default port.
    private static bool IsHostWithDefaultPort(string sample) =>
        sample.EndsWith(":80", StringComparison.Ordinal) && Uri.TryCreate("http://" + sample + "/", UriKind.Absolute, out var uri)
        && string.Equals(uri.Host, sample[..^3].Trim('[', ']'), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
