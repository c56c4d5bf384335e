using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Appliance.Engine.DataPlane;

/// <summary>
/// What each feature's <c>Add…()</c> registers into. The appliance runs two servers with a
/// container each: the control plane's (<see cref="Services"/>), where the singletons both servers
/// use live, and the data plane's (<see cref="DataPlane"/>), built when the data plane starts. A
/// feature declares a shared singleton once with <see cref="AddShared{TService}()"/>; nothing
/// else has to list it.
/// </summary>
internal sealed class ApplianceEngineBuilder
{
    private readonly DataPlaneServices _dataPlane = new();

    public ApplianceEngineBuilder(IServiceCollection services, IConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
        services.AddSingleton(_dataPlane);
    }

    /// <summary>The control plane's container.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The data plane's own registrations (YARP, middleware helpers, plan compilers).</summary>
    public IServiceCollection DataPlane => _dataPlane.Services;

    /// <summary>The application's settings.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Registers <typeparamref name="TService"/> once, in the control plane, and hands the same instance to the data plane.</summary>
    public ApplianceEngineBuilder AddShared<TService>()
        where TService : class
    {
        Services.AddSingleton<TService>();
        return Share<TService>();
    }

    /// <summary>Registers <typeparamref name="TImplementation"/> as <typeparamref name="TService"/> unless something already is (tests bring their own clock), and shares it.</summary>
    public ApplianceEngineBuilder TryAddShared<TService, TImplementation>()
        where TService : class
        where TImplementation : class, TService
    {
        Services.TryAddSingleton<TService, TImplementation>();
        return Share<TService>();
    }

    /// <summary>Registers <paramref name="instance"/> as <typeparamref name="TService"/> unless something already is, and shares it.</summary>
    public ApplianceEngineBuilder TryAddShared<TService>(TService instance)
        where TService : class
    {
        Services.TryAddSingleton(instance);
        return Share<TService>();
    }

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/> with the options
    /// pattern and checks it when the host starts (its data annotations, every problem named by
    /// its key). Consumers take the bound object itself, in both servers.
    /// </summary>
    public ApplianceEngineBuilder AddSettings<TOptions>(string section)
        where TOptions : class
    {
        Services.AddOptions<TOptions>().Bind(Configuration.GetSection(section)).ValidateOnStart();
        Services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(section));
        Services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return Share<TOptions>();
    }

    /// <summary>Hands the data plane a singleton registered elsewhere (the Data layer's stores).</summary>
    public ApplianceEngineBuilder Share<TService>()
        where TService : class
    {
        _dataPlane.Share(typeof(TService));
        return this;
    }
}
