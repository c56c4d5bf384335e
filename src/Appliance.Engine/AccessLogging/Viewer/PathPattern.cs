namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>
/// A path filter as operators type it: <c>/api/*</c> (a trailing star) matches paths that start
/// with what comes before the star; anything else matches paths that contain it. Case is ignored,
/// and the text is compared with the path as recorded (canonical, percent-encoded as forwarded).
/// </summary>
public readonly record struct PathPattern(string Text, bool IsPrefix)
{
    /// <summary>Reads a filter's text: a trailing <c>*</c> makes it a prefix.</summary>
    public static PathPattern Parse(string text) =>
        text.EndsWith('*') ? new PathPattern(text[..^1], true) : new PathPattern(text, false);

    /// <summary>True when <paramref name="path"/> starts with, or contains, the text.</summary>
    public bool Matches(string path) => IsPrefix
        ? path.StartsWith(Text, StringComparison.OrdinalIgnoreCase)
        : path.Contains(Text, StringComparison.OrdinalIgnoreCase);
}
