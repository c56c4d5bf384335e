using System.ComponentModel.DataAnnotations;

namespace Appliance.Engine.AccessLogging;

/// <summary>Settings of the access log, bound from <c>Appliance:AccessLog</c>.</summary>
public sealed class AccessLogOptions
{
    public const string SectionName = "Appliance:AccessLog";

    /// <summary>Console (standard output), File or Off.</summary>
    public AccessLogTarget Target { get; set; } = AccessLogTarget.Console;

    /// <summary>The file for <see cref="AccessLogTarget.File"/>; relative paths are under the data directory.</summary>
    public string Path { get; set; } = "access.log";

    /// <summary>
    /// How many of the last requests the admin site's access log viewer keeps in memory on this
    /// node, whatever <see cref="Target"/> says; 0 turns the viewer off.
    /// </summary>
    [Range(0, 100_000)]
    public int ViewerCapacity { get; set; } = 10_000;
}
