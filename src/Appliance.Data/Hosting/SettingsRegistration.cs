using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appliance.Data.Hosting;

/// <summary>
/// The Data layer's settings as the options pattern has them: bound from their section, checked by
/// their validator when the host starts (a bad value stops the start with the key to fix, rather
/// than surfacing at the first request that reads it) and handed out as a plain singleton, so
/// consumers take <c>TOptions</c> rather than <c>IOptions&lt;TOptions&gt;</c>.
/// </summary>
internal static class SettingsRegistration
{
    public static IServiceCollection AddDataSettings<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services;
    }
}
