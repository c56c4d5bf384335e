using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>
/// What a route does with a request it took: forward it (to targets, optionally with its path
/// prefix rewritten) or answer with a redirect; never both, never neither.
/// </summary>
internal sealed class RouteRedirectValidator : IConfigValidator<RouteSpec>
{
    public const int MaxLocationLength = 2048;

    // Values that stand in for the placeholders while a location is checked: each is the most
    // that a request could put there (the path is never empty, the query never starts a new part).
    private static readonly (string Placeholder, string Sample)[] Samples =
        [("{scheme}", "https"), ("{host}", "example.com"), ("{path}", "/p"), ("{query}", "q=1")];

    public void Validate(RouteSpec route, ConfigValidationContext context, ValidationErrors errors)
    {
        if (route.RewritePath is not null)
        {
            RouteMatchValidator.ValidatePath(route.RewritePath, errors, "rewritePath");
        }

        var redirect = route.Redirect;
        if (redirect is null)
        {
            return;
        }

        if (route.Targets is { Count: > 0 })
        {
            errors.Add("targets", "A route has either targets or a redirect, not both.");
        }

        if (route.RewritePath is not null)
        {
            errors.Add("rewritePath", "A redirect route forwards nothing to rewrite; put the new path in the redirect's location.");
        }

        if (!RedirectSpec.Statuses.Contains(redirect.Status))
        {
            errors.Add("redirect.status", $"The status must be one of {string.Join(", ", RedirectSpec.Statuses)}.");
        }

        ValidateLocation(route, redirect.Location, errors);
    }

    private static void ValidateLocation(RouteSpec route, string? location, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(location) || location.Length > MaxLocationLength || location.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            errors.Add("redirect.location", $"A location is required: an absolute http(s) URL or a path, at most {MaxLocationLength} characters, without spaces.");
            return;
        }

        // {host} repeats what the client sent: only the route's own hosts bound it.
        if (location.Contains("{host}", StringComparison.Ordinal) && route.Hosts is { Count: 0 })
        {
            errors.Add("redirect.location", "{host} needs the route to name its hosts; with any host it would send clients wherever their Host header says.");
        }

        var sample = Fill(location, "/p");

        // Checked with an empty {path} too: "/{path}" is a local path (the data plane never lets
        // it start with "//"), while "//evil.example{path}" names another host whatever the path.
        var bare = Fill(location, "");
        if (sample.Contains('{') || sample.Contains('}'))
        {
            errors.Add("redirect.location", "The placeholders are {scheme}, {host}, {path} and {query}.");
        }
        else if (!IsAbsoluteHttp(sample) && !(sample.StartsWith('/') && (bare.Length == 0 || IsLocalPath(bare))))
        {
            errors.Add("redirect.location", "The location must be an absolute http:// or https:// URL, or a path starting with a single '/'.");
        }
    }

    private static string Fill(string location, string path) =>
        Samples.Aggregate(location, (text, s) => text.Replace(s.Placeholder, s.Placeholder == "{path}" ? path : s.Sample, StringComparison.Ordinal));

    private static bool IsAbsoluteHttp(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
        && location.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase);

    // "//host" and "/\host" are read by browsers as another host.
    private static bool IsLocalPath(string location) =>
        location.StartsWith('/') && (location.Length == 1 || location[1] is not ('/' or '\\'));
}
