using System.Collections.Frozen;

namespace Appliance.Engine.Caching;

/// <summary>
/// The media types a static file's extension stands for. A rule that names an extension
/// (<c>*.jpg</c>, <c>/static/*.js</c>) stores only answers of a fitting type: a page that the origin
/// serves for <c>/account/profile.jpg</c> because it ignores the suffix is HTML, not a JPEG, and
/// storing it would hand one user's page to everybody (web cache deception).
/// </summary>
internal static class StaticMediaTypes
{
    private static readonly string[] Jpeg = ["image/jpeg", "image/pjpeg"];
    private static readonly string[] JavaScript = ["text/javascript", "application/javascript", "application/x-javascript", "application/ecmascript", "text/ecmascript"];
    private static readonly string[] Tiff = ["image/tiff"];
    private static readonly string[] Html = ["text/html"];

    // Fonts are often served as application/octet-stream by servers that do not know their types.
    private static readonly string[] OpenType = ["font/otf", "font/sfnt", "application/font-sfnt", "application/x-font-opentype", "application/octet-stream"];
    private static readonly string[] TrueType = ["font/ttf", "font/sfnt", "application/font-sfnt", "application/x-font-ttf", "application/x-font-truetype", "application/octet-stream"];
    private static readonly string[] Mp4 = ["video/mp4"];
    private static readonly string[] Ogg = ["audio/ogg", "video/ogg", "application/ogg"];

    private static readonly FrozenDictionary<string, string[]> ByExtension = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["jpg"] = Jpeg, ["jpeg"] = Jpeg, ["jpe"] = Jpeg, ["jfif"] = Jpeg,
        ["png"] = ["image/png", "image/apng"],
        ["apng"] = ["image/apng", "image/png"],
        ["gif"] = ["image/gif"],
        ["webp"] = ["image/webp"],
        ["avif"] = ["image/avif"],
        ["ico"] = ["image/x-icon", "image/vnd.microsoft.icon", "image/ico", "image/icon"],
        ["bmp"] = ["image/bmp", "image/x-bmp", "image/x-ms-bmp"],
        ["tif"] = Tiff, ["tiff"] = Tiff,
        ["svg"] = ["image/svg+xml"],
        ["css"] = ["text/css"],
        ["js"] = JavaScript, ["mjs"] = JavaScript, ["cjs"] = JavaScript,
        ["json"] = ["application/json", "text/json", "+json"],
        ["webmanifest"] = ["application/manifest+json", "application/json"],
        ["map"] = ["application/json", "+json"],
        ["xml"] = ["application/xml", "text/xml", "+xml"],
        ["woff"] = ["font/woff", "application/font-woff", "application/x-font-woff", "application/octet-stream"],
        ["woff2"] = ["font/woff2", "application/font-woff2", "application/octet-stream"],
        ["ttf"] = TrueType,
        ["otf"] = OpenType,
        ["eot"] = ["application/vnd.ms-fontobject", "application/octet-stream"],
        ["html"] = Html, ["htm"] = Html,
        ["txt"] = ["text/plain"],
        ["csv"] = ["text/csv", "text/plain"],
        ["pdf"] = ["application/pdf"],
        ["mp4"] = Mp4, ["m4v"] = Mp4,
        ["webm"] = ["video/webm", "audio/webm"],
        ["ogg"] = Ogg, ["ogv"] = Ogg, ["oga"] = Ogg, ["opus"] = ["audio/ogg", "audio/opus"],
        ["mp3"] = ["audio/mpeg", "audio/mp3"],
        ["m4a"] = ["audio/mp4", "audio/x-m4a"],
        ["aac"] = ["audio/aac", "audio/x-aac"],
        ["wav"] = ["audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"],
        ["flac"] = ["audio/flac", "audio/x-flac"],
        ["m3u8"] = ["application/vnd.apple.mpegurl", "application/x-mpegurl", "audio/mpegurl"],
        ["wasm"] = ["application/wasm"],
        ["zip"] = ["application/zip", "application/x-zip-compressed"],
        ["gz"] = ["application/gzip", "application/x-gzip"],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The extension a rule's match names in its last segment (<c>jpg</c> for <c>*.jpg</c>), when the
    /// table knows it; null when the match names none, or one the table does not constrain.
    /// </summary>
    public static string? ExtensionOf(string match)
    {
        var segment = match[(match.LastIndexOf('/') + 1)..];
        var dot = segment.LastIndexOf('.');
        var extension = dot >= 0 ? segment[(dot + 1)..] : "";
        return extension.Length > 0 && !extension.Contains('*', StringComparison.Ordinal) && ByExtension.ContainsKey(extension) ? extension : null;
    }

    /// <summary>Whether a response's Content-Type fits <paramref name="extension"/>: a missing type fits no known extension, anything fits an unknown one.</summary>
    public static bool Fits(string extension, string? contentType)
    {
        if (!ByExtension.TryGetValue(extension, out var accepted))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim();
        foreach (var candidate in accepted)
        {
            // "+json" stands for every structured-syntax type of that family (RFC 6839): application/ld+json.
            if (candidate.StartsWith('+')
                ? mediaType.EndsWith(candidate, StringComparison.OrdinalIgnoreCase)
                : mediaType.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
