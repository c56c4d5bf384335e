using Appliance.Engine.Randomness;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appliance.Engine.DataPlane;

/// <summary>The data plane's settings, what both servers take from the host, and the data plane's own host.</summary>
internal static class DataPlaneRegistration
{
    /// <summary><c>Appliance:Proxy</c>, the clock and the random source, for every feature after it.</summary>
    public static ApplianceEngineBuilder AddProxySettings(this ApplianceEngineBuilder engine)
    {
        // Now, while the host is being built: the runtime reads it at the first socket.
        InlineSocketCompletions.Apply(engine.Configuration.GetValue($"{ProxyOptions.SectionName}:Transport:{nameof(TransportOptions.InlineSocketCompletions)}", new TransportOptions().InlineSocketCompletions));
        return engine.AddSettings<ProxyOptions>(ProxyOptions.SectionName)
            .TryAddShared(TimeProvider.System)
            .TryAddShared<IRandomSource, SharedRandomSource>();
    }

    /// <summary>The data plane's host, started by the control plane's, and its connection-level setup.</summary>
    public static ApplianceEngineBuilder AddDataPlaneHost(this ApplianceEngineBuilder engine)
    {
        engine.Services.AddSingleton<DataPlaneHost>();
        engine.Services.AddHostedService(sp => sp.GetRequiredService<DataPlaneHost>());
        engine.DataPlane.AddSingleton<IConfigureOptions<KestrelServerOptions>, DataPlaneKestrelSetup>();
        engine.DataPlane.AddSingleton<IConfigureOptions<SocketTransportOptions>, DataPlaneSocketTransportSetup>();
        return engine;
    }
}
