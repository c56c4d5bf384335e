using System.Security.Cryptography;
using System.Text.Json;
using Appliance.Data.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Appliance.Web.Auth.TwoFactor;

/// <summary>
/// Carries a <see cref="PendingSignIn"/> between the password and the second step: encrypted and
/// signed with the key ring under a purpose of its own, HttpOnly, SameSite=Strict, sent only to
/// <c>/login</c> and below, and good for <see cref="Lifetime"/>. It is not an authentication scheme:
/// no page or API accepts it, and only the code and setup steps of sign-in read it.
/// </summary>
public sealed class PendingSignInCookie(IDataProtectionProvider provider, TimeProvider time)
{
    public const string CookieName = "appliance_2fa";

    /// <summary>How long the second step may follow the password.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const string CookiePath = "/login";

    private readonly IDataProtector _protector = provider.CreateProtector("Appliance.PendingSignIn.v1");

    /// <summary>Starts the second step for <paramref name="user"/>, whose password was just right.</summary>
    public void Issue(HttpContext context, SessionUser user, PendingSignInPurpose purpose, string? returnUrl)
    {
        var pending = new PendingSignIn(user.User.UserName, user.SecurityStamp, purpose, AdminCookie.SafeReturnUrl(returnUrl), time.GetUtcNow() + Lifetime);
        var payload = _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(pending));
        context.Response.Cookies.Append(CookieName, WebEncoders.Base64UrlEncode(payload), Options(context));
    }

    /// <summary>The pending sign-in this request carries for <paramref name="purpose"/>, or null when there is none, it expired or it was tampered with.</summary>
    public PendingSignIn? Read(HttpContext context, PendingSignInPurpose purpose)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var pending = JsonSerializer.Deserialize<PendingSignIn>(_protector.Unprotect(WebEncoders.Base64UrlDecode(value)));
            return pending is not null && pending.Purpose == purpose && time.GetUtcNow() < pending.ExpiresAt ? pending : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Ends the second step in this browser: it finished, or it cannot finish any more.</summary>
    public void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName, Options(context));

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = CookiePath,
        MaxAge = Lifetime,
        IsEssential = true,
    };
}
