namespace Appliance.Web.Auth.TwoFactor;

/// <summary>Registers the admin site's part of two-factor sign-in.</summary>
public static class TwoFactorSignInRegistration
{
    /// <summary>Adds the cookie that carries a sign-in between its password and its second step.</summary>
    public static IServiceCollection AddTwoFactorSignIn(this IServiceCollection services) =>
        services.AddSingleton<PendingSignInCookie>();
}
