namespace Appliance.Engine.Routing.Rules;

/// <summary>
/// The part of a request's forward path (<see cref="CanonicalPath.Forward"/>) after a route's path
/// prefix, for a rewrite and for a redirect's <c>{path}</c>. The route matched on the decoded path,
/// so the prefix is found in the forward spelling the way the decision read it: escapes of the
/// prefix's characters count as those characters, and an encoded slash or backslash counts as a
/// separator, which the rest then starts with as a plain <c>/</c>. The rest is empty or starts
/// with <c>/</c>, so a location or a rewritten path can never be made to name another host.
/// </summary>
internal static class PathRest
{
    /// <summary>The rest after <paramref name="prefix"/>, or null when the forward path does not start with it.</summary>
    public static string? After(string forward, string prefix)
    {
        if (prefix == "/")
        {
            return forward == "/" ? "" : forward;
        }

        if (!forward.Contains('%'))
        {
            // The common case: the forward spelling is the decision's.
            return forward.StartsWith(prefix, StringComparison.Ordinal) && (forward.Length == prefix.Length || forward[prefix.Length] == '/')
                ? forward[prefix.Length..]
                : null;
        }

        var i = 0;
        foreach (var wanted in prefix)
        {
            if (!TryRead(forward, ref i, out var c) || !(c == wanted || (wanted == '/' && c == '\\')))
            {
                return null;
            }
        }

        if (i == forward.Length)
        {
            return "";
        }

        if (forward[i] == '/')
        {
            return forward[i..];
        }

        var at = i;
        return TryRead(forward, ref at, out var next) && next is '/' or '\\' ? "/" + forward[at..] : null;
    }

    /// <summary>The forward path with <paramref name="prefix"/> replaced by <paramref name="replacement"/>; null as for <see cref="After"/>.</summary>
    public static string? Rewrite(string forward, string prefix, string replacement)
    {
        var rest = After(forward, prefix);
        if (rest is null)
        {
            return null;
        }

        if (replacement == "/")
        {
            return rest.Length == 0 ? "/" : rest;
        }

        return string.Concat(replacement, rest);
    }

    // One character of the path: itself, or the ASCII character a %XX escape stands for (a route's
    // prefix is ASCII, so an escape of any other byte never equals one of its characters).
    private static bool TryRead(string path, ref int i, out char c)
    {
        if (i >= path.Length)
        {
            c = default;
            return false;
        }

        if (path[i] == '%' && i + 2 < path.Length
            && Uri.IsHexDigit(path[i + 1]) && Uri.IsHexDigit(path[i + 2]))
        {
            c = (char)Convert.ToByte(path.Substring(i + 1, 2), 16);
            i += 3;
            return true;
        }

        c = path[i++];
        return true;
    }
}
