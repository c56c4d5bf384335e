using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Backup;

/// <summary>An appliance that logs at Debug into a <see cref="LogCapture"/>, request lines included, so tests can look for secrets in its log.</summary>
public sealed class LoggingHost : ApplianceHost
{
    public LogCapture Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.Services.GetRequiredService<ILoggerFactory>().AddProvider(Logs);
    }
}
