namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>
/// Removes <c>;</c> path parameters (<c>/app;jsessionid=…/x</c>) from a path the viewer keeps. The
/// canonical path has none; this covers requests refused before their path was made canonical
/// (an undecodable path, or a raw <c>;</c> under <c>PathParameters=Reject</c>), whose path is
/// Kestrel's and may carry a session id.
/// </summary>
internal static class PathParameters
{
    /// <summary><paramref name="path"/> itself when it has no <c>;</c> (no allocation), else each segment cut at its first <c>;</c>.</summary>
    public static string Strip(string path)
    {
        if (!path.Contains(';', StringComparison.Ordinal))
        {
            return path;
        }

        var kept = new System.Text.StringBuilder(path.Length);
        var inParameter = false;
        foreach (var c in path)
        {
            if (c == '/')
            {
                inParameter = false;
            }
            else if (c == ';')
            {
                inParameter = true;
            }

            if (!inParameter)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
