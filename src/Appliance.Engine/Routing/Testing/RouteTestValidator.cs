using System.Net;

namespace Appliance.Engine.Routing.Testing;

/// <summary>Field-by-field errors for a route test request, keyed as the API's problem documents name fields.</summary>
public static class RouteTestValidator
{
    private const int MaxUrlLength = 8192;
    private const int MaxHeaders = 64;

    public static Dictionary<string, string[]> Validate(RouteTestRequest test)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(test.Method) && (test.Method.Length > 20 || !IsToken(test.Method)))
        {
            errors["method"] = ["The method must be an HTTP method name such as GET or POST."];
        }

        if (!IsAbsoluteHttpUrl(test.Url))
        {
            errors["url"] = [$"The URL must be an absolute http:// or https:// URL with a host, at most {MaxUrlLength} characters, without spaces."];
        }

        if (test.Headers is { Count: > MaxHeaders })
        {
            errors["headers"] = [$"At most {MaxHeaders} headers."];
        }

        foreach (var (name, value) in test.Headers ?? new Dictionary<string, string>())
        {
            if (!IsToken(name))
            {
                errors[$"headers.{name}"] = ["A header name is letters, digits and !#$%&'*+-.^_`|~ only."];
            }
            else if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                errors[$"headers.{name}"] = ["The host comes from the URL."];
            }
            else if ((value ?? "").Any(c => c is '\r' or '\n' or '\0'))
            {
                errors[$"headers.{name}"] = ["A header value cannot hold line breaks or NUL."];
            }
        }

        if (test.ClientIp is not null && !IPAddress.TryParse(test.ClientIp, out _))
        {
            errors["clientIp"] = ["The client address must be an IPv4 or IPv6 address, such as 198.51.100.7."];
        }

        return errors;
    }

    private static bool IsAbsoluteHttpUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxUrlLength || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var (_, authority, _) = RouteTestContext.Split(url);
        return authority.Length > 0 && !authority.Contains('@') && Uri.CheckHostName(HostOf(authority)) != UriHostNameType.Unknown;
    }

    private static string HostOf(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? "" : authority[1..close];
        }

        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }

    private static bool IsToken(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
}
