using Appliance.Data.TwoFactor;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers two-factor sign-in: its secret protector and its stores.</summary>
public static class TwoFactorRegistration
{
    /// <summary>Adds what sign-in, the account page and the Admins' controls ask about two-factor.</summary>
    public static IServiceCollection AddTwoFactor(this IServiceCollection services)
    {
        services.AddSingleton<TwoFactorSecretProtector>();
        services.AddSingleton<TwoFactorStore>();
        services.AddSingleton<TwoFactorSignIn>();
        services.AddSingleton<TwoFactorAdministration>();
        return services;
    }
}
