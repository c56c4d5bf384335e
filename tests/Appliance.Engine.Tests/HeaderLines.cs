using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Tests;

/// <summary>Header fields written the way a table row reads best: <c>"Cache-Control: max-age=60 | ETag: \"a\""</c>.</summary>
internal static class HeaderLines
{
    public static IHeaderDictionary Parse(string? lines)
    {
        var headers = new HeaderDictionary();
        foreach (var line in (lines ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();

            // A name given twice makes two field lines, as a message can carry them.
            headers[name] = StringValues.Concat(headers[name], line[(colon + 1)..].Trim());
        }

        return headers;
    }
}
