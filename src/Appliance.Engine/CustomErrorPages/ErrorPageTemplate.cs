using System.Globalization;
using System.Net;
using System.Text;

namespace Appliance.Engine.CustomErrorPages;

/// <summary>
/// An operator's error page, cut once per snapshot into literal text and the placeholders
/// <c>{status}</c>, <c>{reason}</c> and <c>{request_id}</c>, so that answering with it is joining
/// strings; what fills a placeholder is HTML-escaped. Any other brace (CSS, scripts) is text.
/// </summary>
internal sealed class ErrorPageTemplate
{
    private const string Status = "{status}";
    private const string Reason = "{reason}";
    private const string RequestId = "{request_id}";

    private readonly Segment[] _segments;

    private ErrorPageTemplate(string name, Segment[] segments)
    {
        Name = name;
        _segments = segments;
    }

    /// <summary>The configured page's name, for logs and tests.</summary>
    public string Name { get; }

    public static ErrorPageTemplate Parse(string name, string html)
    {
        var segments = new List<Segment>();
        var start = 0;
        for (var i = html.IndexOf('{', StringComparison.Ordinal); i >= 0; i = html.IndexOf('{', i + 1))
        {
            if (PlaceholderAt(html, i) is not { } placeholder)
            {
                continue;
            }

            segments.Add(new Segment(html[start..i], null));
            segments.Add(new Segment(null, placeholder));
            start = i + placeholder.Length;
            i = start - 1;
        }

        segments.Add(new Segment(html[start..], null));
        return new ErrorPageTemplate(name, segments.ToArray());
    }

    /// <summary>The page for one answer, every placeholder filled and escaped.</summary>
    public string Render(int status, string reason, string requestId)
    {
        var html = new StringBuilder();
        foreach (var segment in _segments)
        {
            html.Append(segment.Literal ?? WebUtility.HtmlEncode(segment.Placeholder switch
            {
                Status => status.ToString(CultureInfo.InvariantCulture),
                Reason => reason,
                _ => requestId,
            }));
        }

        return html.ToString();
    }

    private static string? PlaceholderAt(string html, int index)
    {
        foreach (var placeholder in (ReadOnlySpan<string>)[Status, Reason, RequestId])
        {
            if (string.CompareOrdinal(html, index, placeholder, 0, placeholder.Length) == 0)
            {
                return placeholder;
            }
        }

        return null;
    }

    // Either literal text or one placeholder.
    private readonly record struct Segment(string? Literal, string? Placeholder);
}
