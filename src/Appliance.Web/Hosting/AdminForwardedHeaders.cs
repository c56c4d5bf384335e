using Appliance.Data.Networking;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Appliance.Web.Hosting;

/// <summary>
/// The admin site behind a TLS-terminating proxy, an SSH tunnel or a bastion, where every client
/// arrives from one address: requests from <see cref="AdminOptions.TrustedProxiesKey"/> have their
/// client address, scheme and host taken from X-Forwarded-For, -Proto and -Host, before anything
/// reads them. So sign-in throttling and the per-address post limit count each client rather than
/// the proxy (or five guesses by anyone would lock the owner out), the cookie is Secure when the
/// client spoke HTTPS, and the Blazor hub compares a page's Origin with the host the browser used.
/// </summary>
internal static class AdminForwardedHeaders
{
    /// <summary>The trusted proxies; a value that is not an address or range stops the start, named by its key.</summary>
    public static IPNetwork[] Read(IConfiguration configuration)
    {
        var proxies = configuration.GetSection(AdminOptions.TrustedProxiesKey).Get<string[]>() ?? [];
        if (proxies.FirstOrDefault(p => !NetworkRanges.TryParse(p, out _)) is { } bad)
        {
            throw new InvalidOperationException($"Invalid settings: {AdminOptions.TrustedProxiesKey} has '{bad}', which is not an address or CIDR range.");
        }

        return NetworkRanges.ParseAll(proxies);
    }

    /// <summary>Applies forwarded headers from <paramref name="trusted"/> only; with none, the headers are left alone.</summary>
    public static IApplicationBuilder UseAdminForwardedHeaders(this IApplicationBuilder app, IPNetwork[] trusted)
    {
        // Not even registered without trusted proxies: the middleware trusts every address when
        // both of its lists are empty, and ASP.NET Core's defaults trust loopback.
        if (trusted.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,

            // A chain of trusted proxies is walked back to the first address that is not one.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in trusted)
        {
            options.KnownIPNetworks.Add(network);
        }

        return app.UseForwardedHeaders(options);
    }
}
