using Appliance.Data.Users;
using Appliance.Web.Auth.TwoFactor;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Web.Tests.Auth;

public sealed class PendingSignInCookieTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-30T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly PendingSignInCookie _cookie;

    public PendingSignInCookieTests() => _cookie = new PendingSignInCookie(new EphemeralDataProtectionProvider(), _clock);

    private static readonly SessionUser Alice = new(new UserInfo(7, "alice", "Admin", DateTimeOffset.UnixEpoch), "STAMP-1");

    /// <summary>Issues a pending sign-in and returns the Set-Cookie header and a request that sends the cookie back.</summary>
    private (string SetCookie, HttpContext Next) Issue(PendingSignInPurpose purpose, string? returnUrl = "/pools", bool https = false)
    {
        var response = new DefaultHttpContext();
        response.Request.IsHttps = https;
        _cookie.Issue(response, Alice, purpose, returnUrl);
        var setCookie = response.Response.Headers.SetCookie.ToString();
        var next = new DefaultHttpContext();
        next.Request.Headers.Cookie = setCookie.Split(';')[0];
        return (setCookie, next);
    }

    [Fact]
    public void It_carries_the_user_and_stamp_for_five_minutes_and_no_longer()
    {
        var (_, next) = Issue(PendingSignInPurpose.Code);

        var pending = _cookie.Read(next, PendingSignInPurpose.Code);
        Assert.Equal(("alice", "STAMP-1", "/pools"), (pending?.UserName, pending?.SecurityStamp, pending?.ReturnUrl));

        _clock.Advance(PendingSignInCookie.Lifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(_cookie.Read(next, PendingSignInPurpose.Code));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_cookie.Read(next, PendingSignInPurpose.Code));
    }

    [Fact]
    public void It_is_httponly_strict_secure_over_https_and_sent_only_to_the_sign_in_pages()
    {
        var (plain, _) = Issue(PendingSignInPurpose.Code);
        var (secure, _) = Issue(PendingSignInPurpose.Code, https: true);

        Assert.Contains("path=/login", plain, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", plain, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", plain, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=300", plain, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", plain, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", secure, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alice", plain, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("STAMP-1", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_purpose_a_tampered_value_or_a_foreign_return_url_is_not_honoured()
    {
        var (_, next) = Issue(PendingSignInPurpose.Setup, returnUrl: "//evil.example/x");

        Assert.Null(_cookie.Read(next, PendingSignInPurpose.Code));
        Assert.Equal("/", _cookie.Read(next, PendingSignInPurpose.Setup)?.ReturnUrl);

        var value = next.Request.Headers.Cookie.ToString();
        var tampered = new DefaultHttpContext();
        tampered.Request.Headers.Cookie = value[..^3] + (value[^3] == 'x' ? "y" : "x") + value[^2..];
        Assert.Null(_cookie.Read(tampered, PendingSignInPurpose.Setup));

        var garbage = new DefaultHttpContext();
        garbage.Request.Headers.Cookie = PendingSignInCookie.CookieName + "=%%%not-base64";
        Assert.Null(_cookie.Read(garbage, PendingSignInPurpose.Setup));
        Assert.Null(_cookie.Read(new DefaultHttpContext(), PendingSignInPurpose.Setup));
    }
}
