using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Compression;

/// <summary>
/// Chooses a content coding from a request's Accept-Encoding (RFC 9110 §12.5.3): the highest
/// q-value wins, the appliance's preference breaks ties, <c>*</c> stands for codings not named,
/// and <c>q=0</c> refuses one. Null means identity.
/// </summary>
public static class AcceptEncoding
{
    public static string? Choose(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding))
        {
            return null;
        }

        var named = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        double? wildcard = null;
        foreach (var value in acceptEncoding)
        {
            foreach (var item in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = item.Split(';', StringSplitOptions.TrimEntries);
                var quality = 1.0;
                foreach (var parameter in parts.Skip(1))
                {
                    if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                        && double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q))
                    {
                        quality = Math.Clamp(q, 0, 1);
                    }
                }

                if (parts[0] == "*")
                {
                    wildcard = quality;
                }
                else
                {
                    named[parts[0]] = quality;
                }
            }
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var coding in ContentCodings.Preferred)
        {
            var quality = named.TryGetValue(coding, out var q) ? q : wildcard ?? 0;
            if (quality > bestQuality)
            {
                best = coding;
                bestQuality = quality;
            }
        }

        return best;
    }
}
