using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.CustomErrorPages;

/// <summary>
/// Custom error pages: compiled into every route's plan and the plan of unmatched requests. It has
/// no step of its own: <c>Security/ErrorPages</c>, the one writer of the appliance's pages, asks the
/// request's plan for the page before it falls back to its default.
/// </summary>
internal static class CustomErrorPagesRegistration
{
    public static ApplianceEngineBuilder AddCustomErrorPages(this ApplianceEngineBuilder engine)
    {
        engine.DataPlane.AddSingleton<IRoutePlanCompiler, ErrorPageSetCompiler>();
        return engine;
    }
}
