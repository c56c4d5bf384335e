namespace Appliance.Engine.AccessLogging;

/// <summary>Where access log lines go.</summary>
public enum AccessLogTarget
{
    Console,
    File,
    Off,
}
