namespace Appliance.Engine.Challenge;

/// <summary>Where a passed challenge sends the browser back to: a path on the same host, never another site.</summary>
internal static class ReturnTargets
{
    private const int MaxLength = 2048;

    /// <summary>
    /// <paramref name="target"/> when it is a path and query on this host; else <c>/</c>. <c>//evil</c>
    /// and <c>/\evil</c> are refused because browsers read them as another host (an open redirect).
    /// </summary>
    public static string Safe(string? target) =>
        target is { Length: > 0 and <= MaxLength }
        && target[0] == '/'
        && (target.Length == 1 || target[1] is not ('/' or '\\'))
        && !target.Any(c => char.IsControl(c) || c == '\\')
            ? target
            : "/";
}
