using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.DataPlane;

/// <summary>
/// What the data plane's own container is made of, collected from the features' registrations
/// while the control plane's container is built, and replayed by <see cref="DataPlaneHost"/> when
/// it builds the data plane: the control plane's singletons it shares (one instance for both
/// servers), and the services only the data plane has (YARP, the pipeline's helpers, the plan
/// compilers).
/// </summary>
internal sealed class DataPlaneServices
{
    private readonly List<Type> _shared = [];

    /// <summary>Registrations of the data plane alone.</summary>
    public IServiceCollection Services { get; } = new ServiceCollection();

    /// <summary>Marks a singleton of the control plane as also the data plane's.</summary>
    public void Share(Type serviceType)
    {
        if (!_shared.Contains(serviceType))
        {
            _shared.Add(serviceType);
        }
    }

    /// <summary>Fills the data plane's container: the shared instances first, then its own registrations in the order the features made them.</summary>
    public void AddTo(IServiceCollection dataPlane, IServiceProvider controlPlane)
    {
        // Registered as instances, so the data plane's container never disposes what the control plane owns.
        foreach (var type in _shared)
        {
            dataPlane.AddSingleton(type, controlPlane.GetRequiredService(type));
        }

        foreach (var descriptor in Services)
        {
            dataPlane.Add(descriptor);
        }
    }
}
