using System.Net;
using Microsoft.AspNetCore.Authorization;

namespace Appliance.Web.Auth;

/// <summary>
/// Who may scrape <c>/metrics</c>: a Prometheus on the same host without configuration, anyone
/// else only with an API token. The numbers name routes, pools and backend addresses.
/// </summary>
public static class MetricsAccess
{
    public static bool IsAllowed(AuthorizationHandlerContext context) =>
        context.User.Identity?.IsAuthenticated == true
        || (context.Resource is HttpContext http && http.Connection.RemoteIpAddress is { } address
            && IPAddress.IsLoopback(Appliance.Data.Networking.ClientAddresses.Normalize(address)));
}
