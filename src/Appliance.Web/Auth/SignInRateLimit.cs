using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Appliance.Web.Auth;

/// <summary>
/// Password guessing from one address is slowed before the account lockout even counts: form
/// posts to /login (the two-factor steps below it included), /setup, /account/password and
/// /account/two-factor (which check the current password, and a code) are limited per client IP,
/// together. Everything else is not limited here.
/// </summary>
public static class SignInRateLimit
{
    public const int PermitsPerWindow = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private static readonly PathString[] PasswordPages = ["/login", "/setup", "/account/password", "/account/two-factor"];

    /// <summary>Registers the limiter; rejected posts get 429 with Retry-After.</summary>
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerWindow, Window = Window, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("unlimited"));
        });

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && PasswordPages.Any(page => request.Path.StartsWithSegments(page, StringComparison.OrdinalIgnoreCase));
}
